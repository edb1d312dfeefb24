-- reporting-service. Two kinds of tables:
--  rm_*      read models, fed only by events; dropped and rebuilt by replaying the topics.
--            Every row is a fact keyed by its aggregate (or an append-only sum), merged so that any
--            arrival order of the events gives the same figures.
--  report_*  what people enter or freeze (unit profile, narratives, indicators, closed-year snapshots);
--            never touched by a rebuild.

-- project: fund allocations (资金计划下达)
create table rm_allocation (
    unit_code      text    not null,
    allocation_id  uuid    not null,
    year           int     not null,
    category       text    not null,
    document_no    text    not null,
    title          text    not null,
    amount_fen     bigint  not null,
    issued_on      date    not null,
    primary key (unit_code, allocation_id)
);
create index rm_allocation_year on rm_allocation (unit_code, year);

-- project: one row per project, merged from all its events (flags only ever turn on; the
-- investment is the one of the progress report with the highest sequence)
create table rm_project (
    unit_code                text    not null,
    project_id               uuid    not null,
    year                     int     not null,
    code                     text    not null,
    name                     text,
    type                     text    not null,
    township_code            text    not null,
    village                  text,
    started                  boolean not null default false,
    completed                boolean not null default false,
    accepted                 boolean not null default false,
    cancelled                boolean not null default false,
    progress_sequence        int     not null default 0,
    progress_investment_fen  bigint  not null default 0,
    closing_investment_fen   bigint  not null default 0,
    funding_fen              bigint  not null default 0,
    disbursed_fen            bigint  not null default 0,
    relocated_households     int,
    relocated_persons        int,
    primary key (unit_code, project_id)
);
create index rm_project_year on rm_project (unit_code, year);

-- project: asset income (资产收益) and dividends (分红)
create table rm_asset_income (
    unit_code    text    not null,
    income_id    uuid    not null,
    asset_id     uuid    not null,
    asset        text    not null,
    year         int     not null,
    amount_fen   bigint  not null,
    received_on  date    not null,
    primary key (unit_code, income_id)
);
create table rm_dividend (
    unit_code    text    not null,
    dividend_id  uuid    not null,
    asset_id     uuid    not null,
    asset        text    not null,
    year         int     not null,
    amount_fen   bigint  not null,
    paid_on      date    not null,
    recipients   int     not null,
    primary key (unit_code, dividend_id)
);

-- population: registered migrants (only what the counts need) and adjustments (动态调整)
create table rm_migrant (
    unit_code    text  not null,
    migrant_id   uuid  not null,
    active_from  date  not null,
    primary key (unit_code, migrant_id)
);
create table rm_adjustment (
    unit_code        text        not null,
    adjustment_id    uuid        not null,
    migrant_id       uuid        not null,
    type             text        not null,
    effective_date   date        not null,
    decided_on       date        not null,
    previous_status  text        not null,
    new_status       text        not null,
    event_time       timestamptz not null,
    primary key (unit_code, adjustment_id)
);
create index rm_adjustment_migrant on rm_adjustment (unit_code, migrant_id, effective_date);
create index rm_adjustment_decided on rm_adjustment (unit_code, decided_on);

-- subsidy: the policy of a year (the latest by event time wins) and the persons paid per year
create table rm_subsidy_policy (
    unit_code          text        not null,
    year               int         not null,
    annual_amount_fen  bigint      not null,
    frequency          text        not null,
    event_time         timestamptz not null,
    primary key (unit_code, year)
);
create table rm_subsidy_person (
    unit_code   text  not null,
    year        int   not null,
    migrant_id  uuid  not null,
    primary key (unit_code, year, migrant_id)
);

-- append-only sums (amounts and counts) by metric and year: each batch adds one row per metric and
-- year it touched, so concurrent writers never wait for each other and the order does not matter
create table rm_delta (
    unit_code  text    not null,
    metric     text    not null,
    year       int     not null,
    amount     bigint  not null
);
create index rm_delta_metric on rm_delta (unit_code, metric, year);

-- training
create table rm_training_class (
    unit_code          text    not null,
    class_id           uuid    not null,
    category           text    not null,
    year               int     not null,
    title              text,
    completed          boolean not null default false,
    cancelled          boolean not null default false,
    persons_enrolled   int     not null default 0,
    persons_completed  int     not null default 0,
    primary key (unit_code, class_id)
);
create index rm_training_class_year on rm_training_class (unit_code, year);
create table rm_training_disbursement (
    unit_code        text    not null,
    disbursement_id  uuid    not null,
    class_id         uuid    not null,
    category         text    not null,
    class_year       int     not null,
    amount_fen       bigint  not null,
    primary key (unit_code, disbursement_id)
);
create index rm_training_disbursement_year on rm_training_disbursement (unit_code, class_year);
create table rm_vocational_grant (
    unit_code   text    not null,
    grant_id    uuid    not null,
    migrant_id  uuid    not null,
    year        int     not null,
    amount_fen  bigint  not null,
    late_claim  boolean not null,
    primary key (unit_code, grant_id)
);
create index rm_vocational_grant_year on rm_vocational_grant (unit_code, year);
create table rm_training_plan (
    unit_code   text        not null,
    year        int         not null,
    categories  text        not null,
    event_time  timestamptz not null,
    primary key (unit_code, year)
);

-- petitions: one row per petition, merged from all its events
create table rm_petition (
    unit_code         text    not null,
    petition_id       uuid    not null,
    received_on       date    not null,
    person_count      int     not null,
    category          text    not null,
    channel           text    not null,
    collective        boolean not null,
    registered        boolean not null default false,
    accepted          boolean not null default false,
    accepted_on_time  boolean,
    rejected          boolean not null default false,
    rejected_on_time  boolean,
    closed            boolean not null default false,
    satisfaction      text,
    primary key (unit_code, petition_id)
);
create index rm_petition_received on rm_petition (unit_code, received_on);

-- freshness: per topic partition, the newest event time applied and when
create table rm_partition_progress (
    topic            text        not null,
    partition        int         not null,
    last_event_time  timestamptz not null,
    last_applied_at  timestamptz not null,
    events           bigint      not null,
    primary key (topic, partition)
);

-- entered by administrators; kept across rebuilds
create table report_profile (
    unit_code   text        primary key,
    body        text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null
);
create table report_narrative (
    unit_code   text        not null,
    year        int         not null,
    body        text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    primary key (unit_code, year)
);
create table report_indicator_set (
    unit_code   text        not null,
    year        int         not null,
    body        text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    primary key (unit_code, year)
);
-- a closed year's report as submitted (整体绩效自评报告 报送版), one row per version
create table report_snapshot (
    unit_code   text        not null,
    year        int         not null,
    version     int         not null,
    body        text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (unit_code, year, version)
);
