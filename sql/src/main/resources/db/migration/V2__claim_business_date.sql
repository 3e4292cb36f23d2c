-- The business date of the nightly run that processed a claim, so checks across the claims of one
-- run (duplicates, and later split stays and frequency) can run once all of them are written.
ALTER TABLE claim ADD COLUMN processed_business_date DATE NULL;
CREATE INDEX ix_claim_processed_date ON claim (processed_business_date);
-- Why the automation could not process a claim and parked it for a human (null when it could).
ALTER TABLE claim ADD COLUMN parked_reason VARCHAR(1000) NULL;
