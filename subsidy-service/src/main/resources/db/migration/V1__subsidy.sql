-- 直补资金政策: the annual amount per person and the payment frequency of a year.
create table subsidy_policy (
    year               int         primary key check (year between 2000 and 2100),
    annual_amount_fen  bigint      not null check (annual_amount_fen > 0),
    frequency          text        not null check (frequency in ('ANNUAL', 'SEMIANNUAL', 'QUARTERLY')),
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    created_by         text        not null,
    updated_at         timestamptz not null default now(),
    updated_by         text        not null
);

-- 发放批次: the lines of one period, from the eligible roster (REGULAR) or re-issuing failed
-- lines of another batch (SUPPLEMENTARY). Lines appear together with the switch from
-- GENERATING to DRAFT, in one transaction: a batch is never half generated.
create sequence batch_no_seq;
create table disbursement_batch (
    id                  uuid        primary key,
    batch_no            bigint      not null unique default nextval('batch_no_seq'),
    year                int         not null,
    period              text        not null,
    period_start        date        not null,
    period_end          date        not null,
    kind                text        not null check (kind in ('REGULAR', 'SUPPLEMENTARY')),
    parent_batch_id     uuid        references disbursement_batch (id),
    as_of               date        not null,
    annual_amount_fen   bigint      not null,
    status              text        not null check (status in ('GENERATING', 'DRAFT', 'APPROVED', 'EXPORTED',
                                                               'RESULTS_RECORDED', 'CLOSED', 'FAILED')),
    job_id              uuid,
    roster_snapshot_id  uuid,
    roster_total        bigint,
    line_count          int         not null default 0,
    total_amount_fen    bigint      not null default 0,
    paid_count          int         not null default 0,
    paid_amount_fen     bigint      not null default 0,
    failed_count        int         not null default 0,
    failed_amount_fen   bigint      not null default 0,
    already_covered     int         not null default 0,
    without_card        int         not null default 0,
    not_payable         int         not null default 0,
    failure_message     text,
    approved_by         text,
    approved_at         timestamptz,
    exported_by         text,
    exported_at         timestamptz,
    closed_by           text,
    closed_at           timestamptz,
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text        not null,
    updated_at          timestamptz not null default now(),
    updated_by          text        not null
);
create index disbursement_batch_period on disbursement_batch (period, status);

-- 发放明细: one person in one batch. Card accounts are kept in full for the bank file only.
-- Lines are written a million at a time with COPY, in roster order, ids ascending with line
-- numbers, so every index is appended to in order. batch_id has no foreign key: its per-row
-- trigger would cost more than the rest of the insert; lines are only ever written together
-- with their batch, in the batch's transaction. Half-empty pages let the bank's results
-- update lines in place (HOT: no index is touched).
create table subsidy_line (
    id              uuid        primary key,
    batch_id        uuid        not null,
    line_no         int         not null,
    year            int         not null,
    period          text        not null,
    period_start    date        not null,
    migrant_id      uuid        not null,
    id_number       text        not null,
    name            text        not null,
    township_code   char(9)     not null,
    village         text        not null,
    household_no    text,
    card_account    text        not null,
    support_end     date        not null,
    months          smallint    not null check (months between 1 and 12),
    amount_fen      bigint      not null check (amount_fen > 0),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'PAID', 'FAILED')),
    paid_on         date,
    failure_reason  text,
    result_import   uuid,
    superseded_by   uuid,
    reissue_of      uuid,
    version         bigint      not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text        not null,
    updated_at      timestamptz not null default now(),
    updated_by      text        not null,
    check ((status = 'PAID') = (paid_on is not null)),
    check ((status = 'FAILED') = (failure_reason is not null)),
    -- only a failed line can be re-issued: a paid line is never replaced
    check (superseded_by is null or status = 'FAILED'),
    unique (batch_id, line_no)
) with (fillfactor = 50);
-- A person is never in two batches for the same period: at most one line per period and
-- person that has not been replaced by a re-issue.
create unique index subsidy_line_one_per_period on subsidy_line (period, migrant_id) where superseded_by is null;
create index subsidy_line_migrant on subsidy_line (migrant_id);

-- Population's adjustments (动态调整) as received from its events: the status timeline
-- that overpayment detection reads.
create table migrant_adjustment (
    adjustment_id   uuid        primary key,
    migrant_id      uuid        not null,
    id_number       text        not null,
    township_code   char(9)     not null,
    type            text        not null,
    effective_date  date        not null,
    decided_on      date        not null,
    new_status      text        not null check (new_status in ('ACTIVE', 'REMOVED')),
    seq             bigserial   not null,
    created_at      timestamptz not null default now(),
    created_by      text        not null
);
create index migrant_adjustment_timeline on migrant_adjustment (migrant_id, effective_date, seq);

-- 追缴: money paid for periods a person was no longer entitled to.
create table overpayment_claim (
    id               uuid        primary key,
    migrant_id       uuid        not null,
    id_number        text        not null,
    name             text        not null,
    township_code    char(9)     not null,
    village          text        not null,
    cause            text        not null check (cause in ('DEATH', 'MOVED_OUT', 'DUPLICATE', 'DISQUALIFIED')),
    adjustment_id    uuid        not null,
    effective_date   date        not null,
    amount_fen       bigint      not null check (amount_fen >= 0),
    recovered_fen    bigint      not null default 0 check (recovered_fen >= 0),
    written_off_fen  bigint      not null default 0 check (written_off_fen >= 0),
    status           text        not null check (status in ('OPEN', 'RECOVERED', 'WRITTEN_OFF', 'CANCELLED')),
    opened_on        date        not null,
    due_on           date        not null,
    write_off_reason text,
    written_off_on   date,
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text        not null,
    updated_at       timestamptz not null default now(),
    updated_by       text        not null,
    check (recovered_fen + written_off_fen <= amount_fen or status in ('RECOVERED', 'CANCELLED'))
);
create index overpayment_claim_migrant on overpayment_claim (migrant_id);
create index overpayment_claim_status on overpayment_claim (status, township_code);

create table overpayment_claim_line (
    claim_id     uuid        not null references overpayment_claim (id),
    line_id      uuid        not null references subsidy_line (id),
    period       text        not null,
    amount_fen   bigint      not null,
    released     boolean     not null default false,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    primary key (claim_id, line_id)
);
-- a paid line is claimed back at most once
create unique index overpayment_claim_line_once on overpayment_claim_line (line_id) where not released;

create table overpayment_recovery (
    id            uuid        primary key,
    claim_id      uuid        not null references overpayment_claim (id),
    amount_fen    bigint      not null check (amount_fen > 0),
    recovered_on  date        not null,
    receipt_no    text,
    created_at    timestamptz not null default now(),
    created_by    text        not null
);
create index overpayment_recovery_claim on overpayment_recovery (claim_id);

-- 比对: the finance bureau's payee list against the eligible roster or a batch.
create table reconciliation (
    id                     uuid        primary key,
    against                text        not null check (against in ('ROSTER', 'BATCH')),
    as_of                  date,
    batch_id               uuid        references disbursement_batch (id),
    file_name              text,
    payee_rows             int         not null,
    reference_rows         int         not null,
    matched                int         not null,
    missing_in_payee_list  int         not null,
    missing_in_reference   int         not null,
    name_mismatches        int         not null,
    card_mismatches        int         not null,
    duplicates             int         not null,
    invalid_rows           int         not null,
    created_at             timestamptz not null default now(),
    created_by             text        not null
);

-- Card accounts are stored masked: the report is for finding the mismatch, not for copying.
create table reconciliation_item (
    reconciliation_id  uuid    not null references reconciliation (id),
    item_no            int     not null,
    kind               text    not null check (kind in ('MISSING_IN_PAYEE_LIST', 'MISSING_IN_REFERENCE',
                                                        'NAME_MISMATCH', 'CARD_ACCOUNT_MISMATCH',
                                                        'DUPLICATE_IN_PAYEE_LIST', 'INVALID_ROW')),
    id_number          text,
    township_code      text,
    reference_name     text,
    payee_name         text,
    reference_card     text,
    payee_card         text,
    payee_row          bigint,
    message            text,
    primary key (reconciliation_id, item_no)
);
