-- The checkup report documents of an application, as read when it was decided: each document's name,
-- size and SHA-256 with the items and text read from it (JSON). With the application JSON this is the
-- decision's whole input: a replay reads the documents from here and never reads or OCRs a file again,
-- and a retried request is compared by the documents' hashes. Null when the application had no documents.
ALTER TABLE uw_decision ADD COLUMN documents_json LONGTEXT NULL;
