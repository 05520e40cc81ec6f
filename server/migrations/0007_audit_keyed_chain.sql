-- The audit chain becomes keyed: new entries are HMAC-SHA-256 under a key the database
-- does not hold. Entries written before keep their plain SHA-256 and say so, so that
-- they still verify; after the first keyed entry every entry must be keyed.
alter table audit_log add column hash_alg text not null default 'sha256';
alter table audit_log add column key_id text;
alter table audit_log alter column hash_alg drop default;
alter table audit_log add constraint audit_log_hash_alg_check
  check ((hash_alg = 'sha256' and key_id is null) or (hash_alg = 'hmac-sha256' and key_id is not null));
