-- Extracted text is kept beside each version so that the index can be rebuilt without re-reading every file;
-- a version whose text could not be read stays stored but is marked not searchable, with the reason.
ALTER TABLE document_versions ADD COLUMN searchable BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE document_versions ADD COLUMN not_searchable_reason VARCHAR(500);
ALTER TABLE document_versions ADD COLUMN extracted_text VARCHAR(1000000);
