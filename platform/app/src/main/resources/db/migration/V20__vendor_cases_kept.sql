-- A vendor case a commander kept open when its incident closed: it stays OPEN, goes on with its SLA,
-- requests and disputes, and still counts in the vendor's figures, until a commander or the vendor closes it.
ALTER TABLE bs_vendor_case ADD COLUMN kept_after_close BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE bs_vendor_case ADD COLUMN kept_by VARCHAR(128);
ALTER TABLE bs_vendor_case ADD COLUMN kept_reason VARCHAR(1000);

-- A commander's reclassification of a vendor message (kind holds the new class): the class the keywords
-- or the vendor's system gave it, who changed it and when.
ALTER TABLE bs_vendor_message ADD COLUMN classified_from VARCHAR(16);
ALTER TABLE bs_vendor_message ADD COLUMN classified_by VARCHAR(128);
ALTER TABLE bs_vendor_message ADD COLUMN classified_at TIMESTAMP WITH TIME ZONE;
