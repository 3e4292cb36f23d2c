-- Insurers that call the REST API, and their keys. Only a SHA-256 of each key's secret is kept: the
-- key itself is shown once when issued. A client may hold two active keys while it rotates.
CREATE TABLE api_client (
  client_id   VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE api_key (
  key_id         VARCHAR(32)  NOT NULL,
  client_id      VARCHAR(64)  NOT NULL,
  secret_sha256  CHAR(64)     NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  revoked_at     DATETIME(3)  NULL,
  PRIMARY KEY (key_id),
  CONSTRAINT fk_api_key_client FOREIGN KEY (client_id) REFERENCES api_client (client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_api_key_client ON api_key (client_id);
