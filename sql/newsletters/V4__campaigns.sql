-- Campaigns: a newsletter written once to its audience (the site's confirmed subscribers,
-- optionally of one language), one outgoing mail per subscriber, in batches that each commit the
-- mails together with the campaign's cursor (last_subscriber_id, subscribers in id order): a job
-- that dies mid-batch loses the whole batch and the next run resumes from the cursor. The unique
-- key on (campaign_id, subscriber_id) of the mail queue says the same once more in the database.

CREATE TABLE campaigns (
  id                   CHAR(36)      NOT NULL,
  site                 VARCHAR(40)   NOT NULL,
  name                 VARCHAR(200)  NOT NULL,
  status               VARCHAR(20)   NOT NULL,
  -- The audience's language; NULL: every confirmed subscriber of the site.
  audience_language    VARCHAR(8)    NULL,
  -- What the mails say: a stored newsletter template version, or the campaign's own parts.
  template_version_id  CHAR(36)      NULL,
  subject              VARCHAR(300)  NULL,
  text_body            MEDIUMTEXT    NULL,
  html_body            MEDIUMTEXT    NULL,
  scheduled_at         DATETIME(6)   NULL,
  started_at           DATETIME(6)   NULL,
  -- Where the enqueueing stands: the last subscriber written to, how many mails so far, and when
  -- every subscriber had theirs.
  last_subscriber_id   CHAR(36)      NULL,
  enqueued             INT           NOT NULL DEFAULT 0,
  all_enqueued_at      DATETIME(6)   NULL,
  finished_at          DATETIME(6)   NULL,
  cancelled_at         DATETIME(6)   NULL,
  created_by           CHAR(36)      NULL,
  created_at           DATETIME(6)   NOT NULL,
  updated_at           DATETIME(6)   NOT NULL,
  version              BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  -- The job's claim: due scheduled campaigns and those still sending.
  KEY ix_campaigns_due (status, scheduled_at),
  KEY ix_campaigns_site_created (site, created_at),
  CONSTRAINT ck_campaigns_status
    CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED')),
  CONSTRAINT ck_campaigns_content
    CHECK (template_version_id IS NOT NULL
           OR (subject IS NOT NULL AND text_body IS NOT NULL AND html_body IS NOT NULL)),
  CONSTRAINT fk_campaigns_template FOREIGN KEY (template_version_id) REFERENCES template_versions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One mail per campaign and subscriber, whatever happens to the job that writes them. NULLs never
-- collide: the transactional mails (no campaign) are not concerned.
ALTER TABLE outgoing_mails
  ADD UNIQUE KEY uk_outgoing_mails_campaign_subscriber (campaign_id, subscriber_id);
