package org.emrqc.model;

import java.util.ArrayList;
import java.util.List;

/** Practitioner or PractitionerRole: name, professional title (qualification or role code). */
public final class PractitionerFact extends Fact {
    private final List<Coding> titles = new ArrayList<>();
    private String name;
    private String practitionerId;

    public PractitionerFact(String resourceType, String id) { super(resourceType, id); }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    /** Qualification codes (Practitioner) or role codes (PractitionerRole): 主治医师, 副主任医师 ... */
    public List<Coding> getTitles() { return titles; }
    /** For a PractitionerRole: the Practitioner it is about; for a Practitioner: its own id. */
    public String getPractitionerId() { return practitionerId != null ? practitionerId : ("Practitioner".equals(getResourceType()) ? getId() : null); }
    public void setPractitionerId(String practitionerId) { this.practitionerId = practitionerId; }
}
