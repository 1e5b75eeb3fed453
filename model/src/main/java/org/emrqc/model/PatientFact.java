package org.emrqc.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Patient: administrative sex, birth date, death, marital status, national identifier. */
public final class PatientFact extends Fact {
    private String gender;
    private LocalDate birthDate;
    private Boolean deceased;
    private Long deceasedAt;
    private Long deceasedAtLatest;
    private String maritalStatus;
    private String nationalId;
    private boolean spouseContact;
    private String name;

    /** The patient's name as written (used to pseudonymize text sent to a remote LLM, never in findings). */
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }

    public PatientFact(String id) { super("Patient", id); setPatientId(id); }

    /** FHIR AdministrativeGender code (male, female, other, unknown), or null when absent. */
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public boolean isMale() { return "male".equals(gender); }
    public boolean isFemale() { return "female".equals(gender); }

    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    /** Start of the birth date (UTC) in epoch milliseconds, or null. */
    public Long getBornAt() { return birthDate == null ? null : birthDate.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(); }

    public Boolean getDeceased() { return deceased; }
    public void setDeceased(Boolean deceased) { this.deceased = deceased; }
    /** Time of death in epoch milliseconds when deceasedDateTime is given. */
    public Long getDeceasedAt() { return deceasedAt; }
    public void setDeceasedAt(Long deceasedAt) { this.deceasedAt = deceasedAt; }
    /** The latest instant {@link #getDeceasedAt()} may stand for: the end of its day, month or year when the source gives
     *  only a date (or year-month, year); equal to it when the time is exact (to the minute or finer). */
    public Long getDeceasedAtLatest() { return deceasedAtLatest != null ? deceasedAtLatest : deceasedAt; }
    public void setDeceasedAtLatest(Long latest) { this.deceasedAtLatest = latest; }
    public boolean isDead() { return Boolean.TRUE.equals(deceased) || deceasedAt != null; }

    /** v3 MaritalStatus code (M, S, D, W, ...). */
    public String getMaritalStatus() { return maritalStatus; }
    public void setMaritalStatus(String maritalStatus) { this.maritalStatus = maritalStatus; }

    /** Chinese resident identity card number (居民身份证号), when given with its OID. */
    public String getNationalId() { return nationalId; }
    public void setNationalId(String nationalId) { this.nationalId = nationalId; }

    /** True when a contact is recorded with relationship "spouse". */
    public boolean isSpouseContact() { return spouseContact; }
    public void setSpouseContact(boolean spouseContact) { this.spouseContact = spouseContact; }

    /** Completed years of age at the given time, or -1 when the birth date is unknown. */
    public int ageYearsAt(Long epochMs) {
        if (birthDate == null || epochMs == null) return -1;
        LocalDate at = java.time.Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate();
        return (int) ChronoUnit.YEARS.between(birthDate, at);
    }

    /** Days of age at the given time, or -1 when the birth date is unknown. */
    public long ageDaysAt(Long epochMs) {
        if (birthDate == null || epochMs == null) return -1;
        LocalDate at = java.time.Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate();
        return ChronoUnit.DAYS.between(birthDate, at);
    }
}
