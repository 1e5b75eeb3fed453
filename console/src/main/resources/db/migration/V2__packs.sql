-- emrqc console schema, version 2: rule-pack versions (drafts and published, with their archives) and activations.

create table pack_version (
    id             bigserial primary key,
    pack_id        text not null,
    version        text not null,
    status         text not null check (status in ('draft', 'published')),
    -- the whole pack as a deterministic zip (PackArchive.zip()); sha256 is the hex SHA-256 of these bytes
    archive        bytea not null,
    sha256         text not null,
    -- the version this one was made from (a draft's base; null for a seeded or imported pack)
    parent_version text,
    -- PackDiff from the previous published version, stored at publish
    diff           jsonb,
    -- the last ValidationReport (PackValidator)
    validation     jsonb,
    note           text,
    created_by     text not null,
    created_at     timestamptz not null,
    published_by   text,
    published_at   timestamptz,
    unique (pack_id, version),
    check ((status = 'published') = (published_at is not null))
);

-- a published version is immutable: its archive, checksum, version and diff never change, and it never goes back
-- to draft or away
create function pack_version_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status = 'published' then
            raise exception 'pack %@% is published: published versions cannot be deleted', old.pack_id, old.version;
        end if;
        return old;
    end if;
    if old.status = 'published' and (new.status <> 'published' or new.archive <> old.archive or new.sha256 <> old.sha256
            or new.version <> old.version or new.pack_id <> old.pack_id or new.diff is distinct from old.diff
            or new.published_at is distinct from old.published_at) then
        raise exception 'pack %@% is published: its archive is immutable', old.pack_id, old.version;
    end if;
    return new;
end $$;

create trigger pack_version_immutable before update or delete on pack_version
    for each row execute function pack_version_immutable();

create table pack_activation (
    id               bigserial primary key,
    pack_id          text not null,
    version          text not null,
    activated_by     text not null,
    at               timestamptz not null,
    previous_version text,
    foreign key (pack_id, version) references pack_version (pack_id, version)
);
create index pack_activation_pack on pack_activation (pack_id, at desc);
