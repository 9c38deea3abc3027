-- Mail templates written by administrators: versions per (site, language, kind), numbered from 1,
-- never changed once saved. Their content (subject, text and HTML parts, as JSON) is in object
-- storage under templates/<version id>.json: the key is built from the id alone. At most one
-- version per (site, language, kind) is active and renders new mails; without one, the built-in
-- template of the WAR does.

CREATE TABLE template_versions (
  id          CHAR(36)      NOT NULL,
  site        VARCHAR(40)   NOT NULL,
  language    VARCHAR(8)    NOT NULL,
  kind        VARCHAR(40)   NOT NULL,
  number      INT           NOT NULL,
  subject     VARCHAR(300)  NOT NULL,
  created_by  CHAR(36)      NULL,
  created_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_template_versions_number (site, language, kind, number),
  CONSTRAINT ck_template_versions_number CHECK (number >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE active_templates (
  site          VARCHAR(40)  NOT NULL,
  language      VARCHAR(8)   NOT NULL,
  kind          VARCHAR(40)  NOT NULL,
  version_id    CHAR(36)     NOT NULL,
  activated_by  CHAR(36)     NULL,
  activated_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (site, language, kind),
  CONSTRAINT fk_active_templates_version FOREIGN KEY (version_id) REFERENCES template_versions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
