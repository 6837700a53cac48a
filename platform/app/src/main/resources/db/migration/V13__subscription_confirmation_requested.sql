-- When the last confirmation mail was asked for: while it is pending (48 hours, the link's lifetime),
-- another request for the same address sends nothing, so the form cannot flood someone's mailbox.
ALTER TABLE bs_status_subscription ADD COLUMN confirmation_requested_at TIMESTAMP WITH TIME ZONE;
