-- 移民户: a migrant household.
create table household (
    id             uuid primary key,
    household_no   text        not null unique,
    township_code  char(9)     not null,
    village        text        not null,
    reservoir      text,
    area_type      text        not null check (area_type in ('RESERVOIR_AREA', 'RESETTLEMENT_AREA')),
    relocated_on   date        not null,
    address        text,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    updated_at     timestamptz not null default now(),
    updated_by     text        not null
);
create index household_township on household (township_code);

-- 移民: a registered person. status is the current status; the roster of a date is derived
-- from active_from and the adjustments' effective dates.
create table migrant (
    id                uuid primary key,
    id_number         char(18)    not null unique,
    name              text        not null,
    sex               text        not null check (sex in ('MALE', 'FEMALE')),
    birth_date        date        not null,
    household_id      uuid        not null references household (id),
    township_code     char(9)     not null,
    relation_to_head  text,
    phone             text,
    card_account      text,
    category          text        not null check (category in ('ORIGINAL', 'NEW')),
    support_start     date        not null,
    support_end       date        not null,
    active_from       date        not null,
    status            text        not null check (status in ('ACTIVE', 'REMOVED')),
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text        not null,
    updated_at        timestamptz not null default now(),
    updated_by        text        not null
);
create index migrant_township_status on migrant (township_code, status);
create index migrant_household on migrant (household_id);
create index migrant_name on migrant (name text_pattern_ops);

-- 动态调整: every status change, kept for ever.
create table adjustment (
    id              uuid primary key,
    migrant_id      uuid        not null references migrant (id),
    type            text        not null check (type in ('ADDITION', 'DEATH', 'MOVED_OUT', 'DUPLICATE', 'DISQUALIFIED', 'REINSTATED')),
    effective_date  date        not null,
    decided_on      date        not null,
    reason          text        not null,
    document_no     text,
    previous_status text        not null,
    new_status      text        not null,
    seq             bigserial   not null,
    created_at      timestamptz not null default now(),
    created_by      text        not null
);
create index adjustment_migrant on adjustment (migrant_id, effective_date, seq);
create index adjustment_decided on adjustment (decided_on);

-- Eligible-roster snapshots: one consistent read per as-of date, paged by migrant id.
create table roster_snapshot (
    id          uuid primary key,
    as_of       date        not null,
    persons     bigint      not null,
    created_at  timestamptz not null default now()
);
create unlogged table roster_entry (
    snapshot_id    uuid    not null,
    migrant_id     uuid    not null,
    id_number      char(18) not null,
    name           text    not null,
    township_code  char(9) not null,
    village        text    not null,
    household_no   text    not null,
    card_account   text,
    support_start  date    not null,
    support_end    date    not null,
    primary key (snapshot_id, migrant_id)
);
