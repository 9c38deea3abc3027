-- The platform's sites (stores). code never changes; languages and countries are comma-separated
-- codes in the order administrators gave them; theme_colours is a JSON object of named #rrggbb
-- colours (null: none). version starts at 1 and grows by one with every change (optimistic
-- locking); created_at and changed_at are UTC, to the second.
CREATE TABLE sites (
  code                 VARCHAR(40)    NOT NULL,
  name                 VARCHAR(100)   NOT NULL,
  default_language     CHAR(2)        NOT NULL,
  languages            VARCHAR(40)    NOT NULL,
  currency             CHAR(3)        NOT NULL,
  countries            VARCHAR(1000)  NOT NULL,
  time_zone            VARCHAR(64)    NOT NULL,
  theme_colours        VARCHAR(1000)  NULL,
  theme_logo_key       VARCHAR(200)   NULL,
  theme_support_email  VARCHAR(254)   NULL,
  active               BOOLEAN        NOT NULL DEFAULT TRUE,
  version              BIGINT         NOT NULL,
  created_at           DATETIME(6)    NOT NULL,
  changed_at           DATETIME(6)    NOT NULL,
  PRIMARY KEY (code),
  CONSTRAINT ck_sites_version CHECK (version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The host names each site answers on (lower case, no port): the primary key makes each belong to
-- one site only, whichever request comes first.
CREATE TABLE site_domains (
  host_name  VARCHAR(253)  NOT NULL,
  site_code  VARCHAR(40)   NOT NULL,
  PRIMARY KEY (host_name),
  KEY ix_site_domains_site (site_code),
  CONSTRAINT fk_site_domains_site FOREIGN KEY (site_code) REFERENCES sites (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The platform's default site (platform.sites.default): always there, never inactive. Every
-- service's registry learns of it from the feed (GET /sites/registry), which it loads at start.
INSERT INTO sites (code, name, default_language, languages, currency, countries, time_zone,
                   theme_colours, theme_logo_key, theme_support_email, active, version,
                   created_at, changed_at)
VALUES ('default', 'OpenCommerce', 'en', 'en,fr', 'EUR', 'FR,BE,LU,DE,AT,CH,NL,ES,IT,PT,IE',
        'Europe/Paris', NULL, NULL, 'support@opencommerce.local', TRUE, 1,
        UTC_TIMESTAMP(), UTC_TIMESTAMP());
