-- emrqc console schema, version 1. Flyway owns the schema; Hibernate only validates it.

create table users (
    id              bigserial primary key,
    username        text not null unique,
    password_hash   text not null,
    role            text not null check (role in ('reviewer', 'physician', 'admin', 'integration')),
    display_name    text,
    department      text,
    -- the practitioner this user is in the records (e.g. Practitioner/dr-attending), for physicians
    practitioner_ref text,
    locale          text not null default 'zh' check (locale in ('zh', 'en')),
    active          boolean not null default true,
    created_at      timestamptz not null default now()
);

create table qc_record (
    id                 text primary key,
    record_key         text not null unique,
    patient_ref        text,
    patient_name       text,
    encounter_ref      text,
    department         text,
    attending          text,
    attending_ref      text,
    attending_username text,
    region             text,
    pack_version       text,
    score              numeric(8, 2),
    grade              text,
    vetoed             boolean not null default false,
    status             text not null default 'open' check (status in ('open', 'in_review', 'returned', 'closed')),
    fhir               jsonb,
    timeliness         jsonb,
    admitted_at        timestamptz,
    discharged_at      timestamptz,
    received_at        timestamptz not null,
    checked_at         timestamptz not null,
    source             text not null
);
create index qc_record_checked_at on qc_record (checked_at);
create index qc_record_department on qc_record (department);
create index qc_record_attending_username on qc_record (attending_username);

create table finding (
    id             text primary key,
    issue_id       text not null,
    record_id      text not null references qc_record (id) on delete cascade,
    rule_id        text not null,
    title          text,
    defect_class   text not null,
    severity       text not null,
    points         numeric(8, 2) not null default 0,
    veto           boolean not null default false,
    detail_en      text,
    detail_zh      text,
    fix_hint       text,
    regulation     text,
    reference      text,
    encounter_ref  text,
    implicated     jsonb,
    evidence       jsonb,
    evidence_spans jsonb,
    "values"       jsonb,
    region         text,
    pack_version   text,
    status         text not null default 'open' check (status in ('open', 'confirmed', 'dismissed', 'rectified')),
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    unique (record_id, issue_id)
);
create index finding_rule on finding (rule_id);

create table verdict (
    id         bigserial primary key,
    finding_id text not null references finding (id) on delete cascade,
    user_id    bigint not null references users (id),
    verdict    text not null check (verdict in ('confirmed', 'dismissed', 'rectified')),
    reason     text,
    at         timestamptz not null
);
create index verdict_finding on verdict (finding_id);

create table comment (
    id         bigserial primary key,
    record_id  text not null references qc_record (id) on delete cascade,
    finding_id text references finding (id) on delete cascade,
    user_id    bigint not null references users (id),
    body       text not null,
    at         timestamptz not null
);

create table task (
    id              bigserial primary key,
    record_id       text not null references qc_record (id) on delete cascade,
    assignee_id     bigint not null references users (id),
    created_by      bigint not null references users (id),
    due_date        date not null,
    status          text not null default 'open' check (status in ('open', 'appealed', 'appeal_accepted', 'appeal_rejected', 'done')),
    note            text,
    appeal_reason   text,
    decision_reason text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index task_assignee on task (assignee_id);

create table audit_log (
    id        bigserial primary key,
    at        timestamptz not null,
    username  text not null,
    action    text not null,
    entity    text not null,
    entity_id text,
    before    jsonb,
    after     jsonb
);
create index audit_log_entity on audit_log (entity, entity_id);
