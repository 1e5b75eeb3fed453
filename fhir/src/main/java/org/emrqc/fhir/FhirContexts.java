package org.emrqc.fhir;

import ca.uhn.fhir.context.FhirContext;

/** The one FhirContext of the process (creating one is expensive; it is thread-safe once built). */
public final class FhirContexts {
    private static final FhirContext R4 = FhirContext.forR4Cached();

    private FhirContexts() { }

    public static FhirContext r4() { return R4; }
}
