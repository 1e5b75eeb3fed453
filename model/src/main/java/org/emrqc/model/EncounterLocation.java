package org.emrqc.model;

/**
 * One entry of a stay's location history (Encounter.location): the ward or unit and when the patient was there.
 * Beds and rooms are not wards: a move between beds of one ward is not a transfer.
 *
 * @param locationId   the Location's id, when the entry references one
 * @param name         the location's name (Reference.display or Location.name)
 * @param physicalType the Location's physical type code (wa ward, ro room, bd bed …), when given
 * @param icu          an intensive care unit (Location.type ICU, or a name that says so: ICU, 重症监护)
 */
public record EncounterLocation(String locationId, String name, String physicalType, boolean icu,
                                Long start, Long startLatest, Long end, Long endLatest) {
    /** A ward or unit (not a bed, room or building); an entry without a physical type is taken as a ward. */
    public boolean isWard() { return physicalType == null || "wa".equals(physicalType) || "area".equals(physicalType); }

    /** Whether two entries are the same ward (by id, else by name). */
    public boolean sameWard(EncounterLocation o) {
        if (o == null) return false;
        if (locationId != null && o.locationId != null) return locationId.equals(o.locationId);
        return name != null && name.equals(o.name);
    }

    public String label() { return name != null ? name : locationId; }
}
