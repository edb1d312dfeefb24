-- 年度培训计划: the planned classes and person-times of a year, per category.
create table training_plan (
    year        int primary key,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null
);
create table training_plan_item (
    year                  int    not null references training_plan (year),
    category              text   not null check (category in ('AGRICULTURAL', 'EMPLOYMENT', 'LEADER')),
    planned_classes       int    not null check (planned_classes >= 0),
    planned_person_times  int    not null check (planned_person_times >= 0),
    primary key (year, category)
);

-- 培训班: one class (期). year is the year the class ends in, the year it is counted in.
-- disbursed_fen is the running total of its disbursements, kept under the class row's lock.
create table training_class (
    id            uuid primary key,
    category      text        not null check (category in ('AGRICULTURAL', 'EMPLOYMENT', 'LEADER')),
    title         text        not null,
    year          int         not null,
    start_date    date        not null,
    end_date      date        not null,
    location      text        not null,
    provider      text        not null,
    budget_fen    bigint      not null check (budget_fen > 0),
    disbursed_fen bigint      not null default 0 check (disbursed_fen >= 0),
    status        text        not null check (status in ('OPEN', 'COMPLETED', 'CANCELLED')),
    completed_on  date,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    created_by    text        not null,
    updated_at    timestamptz not null default now(),
    updated_by    text        not null,
    check (start_date <= end_date),
    check (extract(year from end_date) = year)
);
create index training_class_year on training_class (year, category, status);

-- 学员: a person enrolled in a class, as population-service knew them when they enrolled.
create table enrollment (
    id             uuid primary key,
    class_id       uuid        not null references training_class (id),
    id_number      char(18)    not null,
    migrant_id     uuid        not null,
    name           text        not null,
    household_id   uuid        not null,
    township_code  char(9)     not null,
    status         text        not null check (status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')),
    attended_days  int         check (attended_days >= 0),
    certificate_no text,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    updated_at     timestamptz not null default now(),
    updated_by     text        not null,
    unique (class_id, id_number)
);
create index enrollment_class_township on enrollment (class_id, township_code);

-- 拨付: a payment of training funds to a class. over_budget rows carry the recorded reason.
create table disbursement (
    id              uuid primary key,
    class_id        uuid        not null references training_class (id),
    amount_fen      bigint      not null check (amount_fen > 0),
    paid_on         date        not null,
    voucher_no      text        not null,
    over_budget     boolean     not null,
    override_reason text,
    created_at      timestamptz not null default now(),
    created_by      text        not null,
    unique (class_id, voucher_no),
    check (not over_budget or override_reason is not null)
);

-- 中长期职业教育补助: one grant per student and academic year.
create table vocational_subsidy (
    id             uuid primary key,
    id_number      char(18)    not null,
    migrant_id     uuid        not null,
    name           text        not null,
    household_id   uuid        not null,
    township_code  char(9)     not null,
    school         text        not null,
    programme      text        not null,
    level          text        not null check (level in ('SECONDARY_VOCATIONAL', 'TECHNICIAN_COLLEGE', 'HIGHER_VOCATIONAL')),
    academic_year  char(9)     not null,
    year           int         not null,
    amount_fen     bigint      not null check (amount_fen > 0),
    late_claim     boolean     not null,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    unique (id_number, academic_year)
);
create index vocational_subsidy_year on vocational_subsidy (year, township_code);
