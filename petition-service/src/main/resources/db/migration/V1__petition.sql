-- 信访件: one petition (one 批次) and its lifecycle under the 信访工作条例 (2022).
-- The deadline that is running now (deadline_kind, current_due) is kept on the row, so the overdue
-- detector and the "overdue" lists read one partial index.
create table petition (
    id                       uuid primary key,
    case_no                  text        not null unique,
    received_on              date        not null,
    channel                  text        not null check (channel in ('VISIT', 'LETTER', 'PHONE', 'ONLINE')),
    source                   text        not null check (source in ('OWN', 'TRANSFERRED', 'ASSIGNED')),
    source_body              text,
    source_reference         text,
    person_count             int         not null check (person_count between 1 and 10000),
    collective               boolean     not null generated always as (person_count >= 5) stored,
    township_code            char(9)     not null,
    category                 text        not null check (category in ('HOMESTEAD', 'LIVELIHOOD', 'ROAD',
                                                  'HOUSEHOLD_REGISTRATION', 'SUBSIDY', 'OTHER')),
    summary                  text        not null,
    repeat_of                uuid references petition (id),
    -- the first petition of a matter: repeats share it, so "finally decided" covers them all
    matter_id                uuid        not null,
    status                   text        not null check (status in ('REGISTERED', 'ACCEPTED', 'REJECTED', 'REPLIED',
                                                  'CLOSED', 'REVIEW_REQUESTED', 'REVIEWED', 'RE_REVIEW_REQUESTED',
                                                  'RE_REVIEWED')),
    accept_due               date        not null,
    accepted_on              date,
    rejected_on              date,
    rejection_reason         text,
    reply_due                date,
    extension_days           int check (extension_days between 1 and 30),
    extension_reason         text,
    extended_on              date,
    extension_approved_by    text,
    reply_due_before_extension date,
    replied_on               date,
    resolution               text,
    closed_on                date,
    satisfaction             text check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    review_requested_on      date,
    review_due               date,
    review_decided_on        date,
    review_outcome           text check (review_outcome in ('UPHELD', 'REVISED')),
    review_opinion           text,
    re_review_requested_on   date,
    re_review_due            date,
    re_review_decided_on     date,
    re_review_outcome        text check (re_review_outcome in ('UPHELD', 'REVISED')),
    re_review_opinion        text,
    deadline_kind            text check (deadline_kind in ('ACCEPTANCE', 'REPLY', 'REVIEW', 'RE_REVIEW')),
    current_due              date,
    handler                  text,
    responsible_leader       text,
    version                  bigint      not null default 0,
    created_at               timestamptz not null default now(),
    created_by               text        not null,
    updated_at               timestamptz not null default now(),
    updated_by               text        not null,
    check ((deadline_kind is null) = (current_due is null))
);
create index petition_received on petition (received_on);
create index petition_township_received on petition (township_code, received_on);
create index petition_status on petition (status);
create index petition_matter on petition (matter_id);
create index petition_current_due on petition (current_due) where current_due is not null;

-- 信访人: the persons named on a petition (an anonymous petition names none). migrant_id is set when
-- the ID number belongs to a registered migrant, at registration or later when population tells us.
create table petitioner (
    id           uuid primary key,
    petition_id  uuid        not null references petition (id),
    position     int         not null,
    name         text        not null,
    id_number    char(18),
    migrant_id   uuid,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    updated_at   timestamptz not null default now(),
    updated_by   text        not null,
    unique (petition_id, position)
);
create index petitioner_petition on petitioner (petition_id);
create index petitioner_unlinked on petitioner (id_number) where migrant_id is null and id_number is not null;

-- One row per petition and missed deadline: the unique key makes the PetitionOverdue event happen once,
-- however many detector instances run at the same time.
create table petition_overdue (
    petition_id    uuid        not null references petition (id),
    deadline_kind  text        not null check (deadline_kind in ('ACCEPTANCE', 'REPLY', 'REVIEW', 'RE_REVIEW')),
    due_on         date        not null,
    detected_on    date        not null,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    primary key (petition_id, deadline_kind)
);

-- Case numbers XF<year>-<nnnn>, counted per year of receipt.
create table case_counter (
    year        int    primary key,
    last_value  int         not null,
    updated_at  timestamptz not null default now()
);

-- ID number → registered migrant, kept from population's MigrantRegistered / MigrantCorrected events.
create table migrant_ref (
    id_number      char(18)    primary key,
    migrant_id     uuid        not null,
    township_code  char(9)     not null,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    updated_at     timestamptz not null default now(),
    updated_by     text        not null
);
create index migrant_ref_migrant on migrant_ref (migrant_id);
