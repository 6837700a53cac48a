-- What the commander recorded at Resolve: kept on the incident, not only as a process variable, so the API and
-- the incident page show it after the process has ended. Root cause is internal; the resolution may reach customers
-- through the agent-reviewed resolved notice.
ALTER TABLE bs_incident ADD COLUMN root_cause VARCHAR(4000);
ALTER TABLE bs_incident ADD COLUMN resolution VARCHAR(4000);
