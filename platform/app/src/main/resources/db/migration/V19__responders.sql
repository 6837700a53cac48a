-- A task past its due time is raised to the commander once per due time (more time given makes a new due
-- time that may be raised again): the overdue check claims this row in the transaction that starts the
-- commander's task, so a second node or a restart never raises it twice.
CREATE TABLE bs_overdue_raised (
    task_id      VARCHAR(64)              NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    incident_key VARCHAR(32)              NOT NULL,
    raised_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bs_overdue_raised_pk PRIMARY KEY (task_id, due_at)
);
