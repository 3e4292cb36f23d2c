-- The engine's one schema. Runs unchanged on MySQL 8 and MariaDB 10.11+.
-- JSON documents are stored as LONGTEXT: MariaDB's JSON is an alias of LONGTEXT and MySQL's
-- binary JSON would need dialect-specific casts; the engine reads and writes them whole.

CREATE TABLE uw_decision (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  decision_id      VARCHAR(64)  NOT NULL,
  application_id   VARCHAR(64)  NOT NULL,
  client_id        VARCHAR(64)  NOT NULL,
  idempotency_key  VARCHAR(128) NULL,
  kb_version       VARCHAR(160) NOT NULL,
  decided_at       DATETIME(3)  NOT NULL,
  application_json LONGTEXT     NOT NULL,
  decision_json    LONGTEXT     NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_uw_decision_id UNIQUE (decision_id),
  CONSTRAINT uq_uw_decision_idem UNIQUE (client_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_uw_decision_app ON uw_decision (client_id, application_id);

CREATE TABLE uw_decision_line (
  decision_pk        BIGINT       NOT NULL,
  product_line       VARCHAR(32)  NOT NULL,
  outcome            VARCHAR(16)  NOT NULL,
  extra_premium_pct  INT          NOT NULL,
  rule_ids           VARCHAR(1000) NOT NULL,
  PRIMARY KEY (decision_pk, product_line),
  CONSTRAINT fk_uw_line_decision FOREIGN KEY (decision_pk) REFERENCES uw_decision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE policy (
  policy_no             VARCHAR(64)   NOT NULL,
  application_id        VARCHAR(64)   NULL,
  product_line          VARCHAR(32)   NOT NULL,
  insured_name          VARCHAR(100)  NOT NULL,
  insured_id_number     VARCHAR(32)   NOT NULL,
  insured_sex           CHAR(1)       NULL,
  insured_birth_date    DATE          NULL,
  effective_date        DATE          NOT NULL,
  expiry_date           DATE          NOT NULL,
  waiting_period_days   INT           NOT NULL,
  sum_insured           DECIMAL(16,2) NULL,
  deductible            DECIMAL(16,2) NULL,
  hospital_requirement  VARCHAR(32)   NOT NULL,
  exclusions_json       LONGTEXT      NOT NULL,
  policy_json           LONGTEXT      NOT NULL,
  imported_at           DATETIME(3)   NOT NULL,
  PRIMARY KEY (policy_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_policy_insured ON policy (insured_id_number);

CREATE TABLE claim (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  claim_id        VARCHAR(64)   NOT NULL,
  policy_no       VARCHAR(64)   NOT NULL,
  claim_type      VARCHAR(16)   NOT NULL,
  diagnosis_text  VARCHAR(500)  NULL,
  diagnosis_icd10 VARCHAR(32)   NULL,
  claimed_amount  DECIMAL(16,2) NOT NULL,
  submitted_at    DATETIME(3)   NOT NULL,
  received_at     DATETIME(3)   NOT NULL,
  status          VARCHAR(32)   NOT NULL,
  processed_at    DATETIME(3)   NULL,
  processed_job_execution_id BIGINT NULL,
  claim_json      LONGTEXT      NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_claim_id UNIQUE (claim_id),
  CONSTRAINT fk_claim_policy FOREIGN KEY (policy_no) REFERENCES policy (policy_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_claim_status_received ON claim (status, received_at);

-- Document bytes, stored once per content hash so that workers in other processes can read them.
CREATE TABLE document_content (
  content_hash CHAR(64)   NOT NULL,
  size_bytes   BIGINT     NOT NULL,
  content      LONGBLOB   NOT NULL,
  PRIMARY KEY (content_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE claim_document (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  claim_pk      BIGINT       NOT NULL,
  seq           INT          NOT NULL,
  file_name     VARCHAR(255) NOT NULL,
  content_hash  CHAR(64)     NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_claim_document UNIQUE (claim_pk, file_name),
  CONSTRAINT fk_claim_document_claim FOREIGN KEY (claim_pk) REFERENCES claim (id),
  CONSTRAINT fk_claim_document_content FOREIGN KEY (content_hash) REFERENCES document_content (content_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One receipt-extraction object per document, replaced whole when a claim is processed again.
CREATE TABLE receipt_extraction (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  claim_pk        BIGINT       NOT NULL,
  document_name   VARCHAR(255) NOT NULL,
  content_hash    CHAR(64)     NOT NULL,
  document_type   VARCHAR(32)  NOT NULL,
  invoice_code    VARCHAR(32)  NULL,
  invoice_number  VARCHAR(32)  NULL,
  total_amount    DECIMAL(16,2) NULL,
  extractor       VARCHAR(32)  NOT NULL,
  ocr_engine      VARCHAR(32)  NULL,
  extraction_json LONGTEXT     NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_receipt_extraction UNIQUE (claim_pk, document_name),
  CONSTRAINT fk_receipt_extraction_claim FOREIGN KEY (claim_pk) REFERENCES claim (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_receipt_invoice ON receipt_extraction (invoice_code, invoice_number);

CREATE TABLE claim_flag (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  claim_pk      BIGINT        NOT NULL,
  code          VARCHAR(48)   NOT NULL,
  severity      VARCHAR(16)   NOT NULL,
  message       VARCHAR(1000) NOT NULL,
  evidence_json LONGTEXT      NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_claim_flag_claim FOREIGN KEY (claim_pk) REFERENCES claim (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_claim_flag_code ON claim_flag (code);

-- OCR output per document content and engine, so reruns and restarts never OCR twice.
CREATE TABLE ocr_cache (
  content_hash CHAR(64)    NOT NULL,
  engine       VARCHAR(32) NOT NULL,
  result_json  LONGTEXT    NOT NULL,
  created_at   DATETIME(3) NOT NULL,
  PRIMARY KEY (content_hash, engine)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
