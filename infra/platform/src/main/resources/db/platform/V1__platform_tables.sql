-- Tables of the platform mechanisms. Migrated by the platform starter with its own history table
-- (platform_schema_history), so services keep their own version numbers in db/migration.

-- Transactional outbox: rows are written in the business transaction and published by the relay.
create table outbox_event (
    position        bigserial primary key,
    id              uuid        not null,
    topic           text        not null,
    aggregate_type  text        not null,
    aggregate_id    text        not null,
    event_type      text        not null,
    payload         text        not null,
    actor           text,
    created_at      timestamptz not null default now(),
    published_at    timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumption: an event id is recorded in the same transaction as its effect.
create table inbox_event (
    consumer      text        not null,
    event_id      text        not null,
    event_type    text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key of creating commands: the first response is kept and replayed.
create table idempotency_record (
    scope          text        not null,
    idem_key       text        not null,
    request_hash   text        not null,
    status         int,
    body           text,
    created_at     timestamptz not null default now(),
    primary key (scope, idem_key)
);

-- Who changed what, when.
create table audit_log (
    id           bigserial   primary key,
    at           timestamptz not null default now(),
    actor        text        not null,
    action       text        not null,
    entity_type  text        not null,
    entity_id    text        not null,
    details      text
);
create index audit_log_entity on audit_log (entity_type, entity_id);

-- Long-running jobs (imports, batch generation, rebuilds) with progress.
create table platform_job (
    id            uuid        primary key,
    type          text        not null,
    status        text        not null,
    processed     bigint      not null default 0,
    total         bigint,
    error_count   bigint      not null default 0,
    errors        text        not null default '[]',
    result        text,
    message       text,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    heartbeat_at  timestamptz not null default now(),
    finished_at   timestamptz
);
