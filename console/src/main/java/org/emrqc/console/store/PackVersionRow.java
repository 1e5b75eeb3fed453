package org.emrqc.console.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a rule pack: a draft being edited or a published (immutable) version, with its zip archive. */
@Entity
@Table(name = "pack_version")
public class PackVersionRow extends PanacheEntityBase {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pack_id")
    public String packId;
    public String version;
    public String status;
    /** The pack as a deterministic zip; lazy so listing versions does not read every archive. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    public byte[] archive;
    public String sha256;
    @Column(name = "parent_version")
    public String parentVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode diff;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode validation;
    public String note;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;

    public boolean published() { return PUBLISHED.equals(status); }

    public String label() { return packId + "@" + version; }

    public static Optional<PackVersionRow> of(String packId, String version) {
        return find("packId = ?1 and version = ?2", packId, version).firstResultOptional();
    }
}
