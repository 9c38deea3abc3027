-- The FAQ of each site: entries per site and language, in categories (a slug) where administrators
-- order them (position), with the answer kept three ways: the Markdown administrators wrote, the
-- safe HTML it was rendered to when written, and its plain text, which the full-text index and the
-- search snippets read. Two FULLTEXT indexes, one per column, so that a search can weigh a match
-- in the question above one in the answer (InnoDB's MATCH names exactly the columns of an index).
-- tags are stored as a comma-separated list of slugs (at most 10, filtered with a LIKE on
-- ',tag,'). helpful / not_helpful count the votes (kept with each vote, in its transaction); views
-- the reads, added from Redis every few seconds.

CREATE TABLE entries (
  id               CHAR(36)      NOT NULL,
  site             VARCHAR(40)   NOT NULL,
  language         VARCHAR(35)   NOT NULL,
  category         VARCHAR(40)   NOT NULL,
  question         VARCHAR(300)  NOT NULL,
  answer_markdown  MEDIUMTEXT    NOT NULL,
  answer_html      MEDIUMTEXT    NOT NULL,
  answer_text      MEDIUMTEXT    NOT NULL,
  tags             VARCHAR(420)  NOT NULL DEFAULT '',
  product_id       CHAR(36)      NULL,
  published        BOOLEAN       NOT NULL DEFAULT FALSE,
  position         INT           NOT NULL DEFAULT 0,
  helpful          BIGINT        NOT NULL DEFAULT 0,
  not_helpful      BIGINT        NOT NULL DEFAULT 0,
  views            BIGINT        NOT NULL DEFAULT 0,
  created_at       DATETIME(6)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  published_at     DATETIME(6)   NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_entries_category (site, language, category, position),
  KEY ix_entries_product (site, product_id),
  KEY ix_entries_helpful (site, language, published, helpful),
  KEY ix_entries_views (site, language, published, views),
  FULLTEXT KEY ft_entries_question (question),
  FULLTEXT KEY ft_entries_answer (answer_text),
  CONSTRAINT ck_entries_counts CHECK (helpful >= 0 AND not_helpful >= 0 AND views >= 0),
  CONSTRAINT ck_entries_published CHECK (NOT published OR published_at IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Was this helpful?": one vote per visitor and entry (the primary key), a second vote changes it.
-- voter is 'user:<account id>' for a signed-in customer, 'visitor:<id>' for an anonymous visitor
-- holding a token the service signed. Deleted with the entry.
CREATE TABLE votes (
  entry_id   CHAR(36)     NOT NULL,
  voter      VARCHAR(60)  NOT NULL,
  helpful    BOOLEAN      NOT NULL,
  voted_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (entry_id, voter),
  CONSTRAINT fk_votes_entry FOREIGN KEY (entry_id) REFERENCES entries (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
