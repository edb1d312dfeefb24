-- 资金计划下达: funds allocated from above for a year and category. drawn_fen is the sum of the funding
-- lines drawn from it (less what cancelled projects released); the check is the last line of defence
-- behind the conditional update that draws, so an allocation can never be overdrawn.
create table fund_allocation (
    id           uuid        primary key,
    year         int         not null check (year between 2000 and 2099),
    category     text        not null check (category in ('FIRST_BATCH', 'WITHIN_600', 'KEY_VILLAGE', 'PROMINENT_ISSUES',
                                                          'THREE_GORGES', 'HARDSHIP_AID', 'PROMINENT_ISSUE_PROJECTS', 'OTHER')),
    document_no  text        not null,
    title        text        not null,
    amount_fen   bigint      not null check (amount_fen > 0),
    drawn_fen    bigint      not null default 0,
    issued_on    date        not null,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    updated_at   timestamptz not null default now(),
    updated_by   text        not null,
    constraint fund_allocation_not_overdrawn check (drawn_fen between 0 and amount_fen),
    constraint fund_allocation_document unique (year, category, document_no)
);
create index fund_allocation_year on fund_allocation (year, category);

-- 后扶项目: a follow-up support project. funding_fen is what its funding lines hold now (after a
-- cancellation: what was spent); the counters are kept with the row so that one row lock guards them.
create table project (
    id                      uuid        primary key,
    code                    text        not null unique,
    name                    text        not null,
    type                    text        not null check (type in ('INFRASTRUCTURE', 'INDUSTRY', 'KEY_VILLAGE', 'THREE_GORGES',
                                                                 'PROMINENT_ISSUES', 'HARDSHIP_AID', 'RISK_RELOCATION', 'OTHER')),
    township_code           char(9)     not null,
    village                 text,
    year                    int         not null check (year between 2000 and 2099),
    budget_fen              bigint      not null check (budget_fen > 0),
    implementing_unit       text,
    beneficiary_households  int         check (beneficiary_households >= 0),
    beneficiary_persons     int         check (beneficiary_persons >= 0),
    relocated_households    int         check (relocated_households >= 0),
    relocated_persons       int         check (relocated_persons >= 0),
    status                  text        not null check (status in ('PROPOSED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED',
                                                                   'ACCEPTED', 'CANCELLED')),
    funding_fen             bigint      not null default 0,
    disbursed_fen           bigint      not null default 0,
    progress_percent        int         not null default 0 check (progress_percent between 0 and 100),
    investment_completed_fen bigint     not null default 0 check (investment_completed_fen >= 0),
    last_reported_on        date,
    report_count            int         not null default 0,
    proposed_on             date        not null,
    approved_on             date,
    approval_document_no    text,
    notice_start_on         date,
    notice_end_on           date,
    started_on              date,
    completed_on            date,
    accepted_on             date,
    acceptance_document_no  text,
    cancelled_on            date,
    cancelled_from          text,
    version                 bigint      not null default 0,
    created_at              timestamptz not null default now(),
    created_by              text        not null,
    updated_at              timestamptz not null default now(),
    updated_by              text        not null,
    constraint project_funding_within_budget check (funding_fen between 0 and budget_fen),
    constraint project_disbursed_within_funding check (disbursed_fen between 0 and funding_fen)
);
create index project_year_status on project (year, status, type);
create index project_township on project (township_code, year);

-- A funding line: money of one allocation assigned to a project. spent_fen is what disbursements took
-- from it (in line order), released_fen what a cancellation gave back to the allocation.
create table project_funding (
    id             uuid        primary key,
    project_id     uuid        not null references project (id),
    allocation_id  uuid        not null references fund_allocation (id),
    seq            int         not null,
    amount_fen     bigint      not null check (amount_fen > 0),
    spent_fen      bigint      not null default 0 check (spent_fen >= 0),
    released_fen   bigint      not null default 0 check (released_fen >= 0),
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    updated_at     timestamptz not null default now(),
    updated_by     text        not null,
    constraint project_funding_within_line check (spent_fen + released_fen <= amount_fen),
    constraint project_funding_once unique (project_id, allocation_id)
);
create index project_funding_allocation on project_funding (allocation_id);

-- 进度报告: percent and investment completed to date, never decreasing.
create table progress_report (
    id                        uuid        primary key,
    project_id                uuid        not null references project (id),
    seq                       int         not null,
    reported_on               date        not null,
    progress_percent          int         not null check (progress_percent between 0 and 100),
    investment_completed_fen  bigint      not null check (investment_completed_fen >= 0),
    note                      text,
    created_at                timestamptz not null default now(),
    created_by                text        not null,
    constraint progress_report_seq unique (project_id, seq)
);

-- 拨付: a payment to a project, with the finance office's voucher number.
create table disbursement (
    id           uuid        primary key,
    project_id   uuid        not null references project (id),
    amount_fen   bigint      not null check (amount_fen > 0),
    paid_on      date        not null,
    voucher_no   text        not null unique,
    created_at   timestamptz not null default now(),
    created_by   text        not null
);
create index disbursement_project on disbursement (project_id, paid_on);

-- Which funding lines a disbursement was paid from.
create table disbursement_source (
    disbursement_id  uuid   not null references disbursement (id),
    funding_id       uuid   not null references project_funding (id),
    amount_fen       bigint not null check (amount_fen > 0),
    primary key (disbursement_id, funding_id)
);

-- 资产收益 per asset and year, with the dividends paid from it; the check makes sure dividends never
-- exceed the income received (the conditional update that pays is the first line of defence).
create table asset_ledger (
    asset          text        not null,
    year           int         not null check (year between 2000 and 2099),
    income_fen     bigint      not null default 0,
    dividends_fen  bigint      not null default 0,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    updated_at     timestamptz not null default now(),
    updated_by     text        not null,
    primary key (asset, year),
    constraint asset_ledger_dividends_within_income check (dividends_fen between 0 and income_fen)
);

create table asset_income (
    id           uuid        primary key,
    asset        text        not null,
    year         int         not null,
    amount_fen   bigint      not null check (amount_fen > 0),
    received_on  date        not null,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    foreign key (asset, year) references asset_ledger (asset, year)
);
create index asset_income_received on asset_income (received_on);

-- 分红
create table dividend (
    id           uuid        primary key,
    asset        text        not null,
    year         int         not null,
    amount_fen   bigint      not null check (amount_fen > 0),
    paid_on      date        not null,
    recipients   int         not null check (recipients > 0),
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    foreign key (asset, year) references asset_ledger (asset, year)
);
create index dividend_paid on dividend (paid_on);
