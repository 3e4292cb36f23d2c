-- The risk score (0-100) the anomaly rules give a processed claim, and the action they suggest to the
-- adjuster (a suggestion only: the adjuster decides). Both are null until the nightly run has processed the claim.
ALTER TABLE claim ADD COLUMN risk_score INT NULL;
ALTER TABLE claim ADD COLUMN suggested_action VARCHAR(32) NULL;
CREATE INDEX ix_claim_risk ON claim (risk_score);
