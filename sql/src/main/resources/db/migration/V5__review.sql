-- The adjusters' review: who may log in to the queue, which insurer each policy (and so each claim)
-- belongs to, the adjusters' decisions with four-eyes proposals, corrections of extracted fields, and
-- an audit trail of every action.

-- The insurer (API client) a policy belongs to: the client that sent it over the API, or the configured
-- default insurer for folder imports. Claims belong to their policy's insurer. Null only for policies
-- imported before this column existed; such claims are shown to nobody until the column is set.
ALTER TABLE policy ADD COLUMN client_id VARCHAR(64) NULL;
CREATE INDEX ix_policy_client ON policy (client_id, insured_id_number);

-- People who log in to the web pages. Passwords are stored as encoded hashes ({bcrypt}...), never in clear.
CREATE TABLE app_user (
  username        VARCHAR(64)  NOT NULL,
  client_id       VARCHAR(64)  NOT NULL,
  role            VARCHAR(16)  NOT NULL,
  display_name    VARCHAR(100) NULL,
  password_hash   VARCHAR(200) NOT NULL,
  enabled         BOOLEAN      NOT NULL,
  failed_logins   INT          NOT NULL,
  locked_until    DATETIME(3)  NULL,
  created_at      DATETIME(3)  NOT NULL,
  disabled_at     DATETIME(3)  NULL,
  PRIMARY KEY (username),
  CONSTRAINT fk_app_user_client FOREIGN KEY (client_id) REFERENCES api_client (client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The review state besides the contract status: PENDING_SUPERVISOR while an approval above the four-eyes
-- amount waits for a supervisor, with who proposed it; who took the final decision and when.
ALTER TABLE claim ADD COLUMN review_state VARCHAR(32) NULL;
ALTER TABLE claim ADD COLUMN proposed_by VARCHAR(64) NULL;
ALTER TABLE claim ADD COLUMN proposed_at DATETIME(3) NULL;
ALTER TABLE claim ADD COLUMN decided_by VARCHAR(64) NULL;
ALTER TABLE claim ADD COLUMN decided_at DATETIME(3) NULL;
ALTER TABLE claim ADD COLUMN decision_reason VARCHAR(1000) NULL;

-- The queue's filters and sort orders.
CREATE INDEX ix_claim_received ON claim (received_at);
CREATE INDEX ix_claim_amount ON claim (claimed_amount);
CREATE INDEX ix_claim_flag_code_claim ON claim_flag (code, claim_pk);

-- A person's correction of one extracted field, written in the same transaction as the change itself.
CREATE TABLE claim_correction (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  claim_pk       BIGINT        NOT NULL,
  document_name  VARCHAR(255)  NOT NULL,
  field          VARCHAR(64)   NOT NULL,
  old_value      VARCHAR(500)  NULL,
  new_value      VARCHAR(500)  NULL,
  reason         VARCHAR(1000) NOT NULL,
  username       VARCHAR(64)   NOT NULL,
  corrected_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_claim_correction_claim FOREIGN KEY (claim_pk) REFERENCES claim (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every action a person took on a claim, in order.
CREATE TABLE claim_audit (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  claim_pk    BIGINT        NOT NULL,
  at          DATETIME(3)   NOT NULL,
  username    VARCHAR(64)   NOT NULL,
  role        VARCHAR(16)   NOT NULL,
  action      VARCHAR(32)   NOT NULL,
  from_status VARCHAR(32)   NULL,
  to_status   VARCHAR(32)   NULL,
  reason      VARCHAR(1000) NULL,
  detail      VARCHAR(2000) NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_claim_audit_claim FOREIGN KEY (claim_pk) REFERENCES claim (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
