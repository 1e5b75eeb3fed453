package org.emrqc.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The region of a record from its managing organization's address, else any organization's, else the patient's. */
class RecordRegionTest {
    private static String regionOf(String json) {
        return RecordRegion.of(new FhirInputReader().parse("t", json.getBytes(StandardCharsets.UTF_8)).entries());
    }

    @Test
    void countriesAndStatesAsWritten() {
        assertEquals("CN-GD", RecordRegion.of("中国", "广东省"));
        assertEquals("CN-BJ", RecordRegion.of("CN", "北京市"));
        assertEquals("CN-GD", RecordRegion.of(null, "广东省"));
        assertEquals("CN", RecordRegion.of("CHN", null));
        assertEquals("US-MA", RecordRegion.of("US", "MA"));
        assertEquals("US-MA", RecordRegion.of("United States", "Massachusetts"));
        assertEquals("US", RecordRegion.of("US", "Atlantis"));
        assertEquals("FR", RecordRegion.of("FR", "Île-de-France"));
        assertNull(RecordRegion.of(null, null));
    }

    @Test
    void managingOrganizationWinsOverThePatientsAddress() {
        String json = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p", "managingOrganization": {"reference": "Organization/h"},
                                "address": [{"state": "MA", "country": "US"}]}},
                  {"resource": {"resourceType": "Organization", "id": "h", "address": [{"state": "广东省", "city": "广州市", "country": "中国"}]}}]}""";
        assertEquals("CN-GD", regionOf(json));
        assertEquals("US-MA", regionOf("{\"resourceType\": \"Patient\", \"id\": \"p\", \"address\": [{\"state\": \"MA\", \"country\": \"US\"}]}"));
        assertNull(regionOf("{\"resourceType\": \"Patient\", \"id\": \"p\"}"));
    }
}
