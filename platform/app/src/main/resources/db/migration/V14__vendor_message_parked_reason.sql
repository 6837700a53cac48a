-- Why a vendor message waits for a person: no case number, a case nobody opened, or a sender that
-- may not speak for the case's vendor (not one of its mail-senders, DMARC failed).
ALTER TABLE bs_vendor_message ADD COLUMN parked_reason VARCHAR(1000);
