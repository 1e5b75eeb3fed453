package org.emrqc.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The region a record belongs to, read from the record itself: the address of the patient's managing
 * organization, else of any organization in the record, else the patient's own address; as an ISO 3166-style
 * code (CN-GD, CN-BJ, US-MA, ...), or just the country (CN, US) when the state is unknown. Null when the record
 * says nothing about where it comes from.
 */
public final class RecordRegion {
    private static final Map<String, String> CN_PROVINCES = new HashMap<>();
    private static final Map<String, String> US_STATES = new HashMap<>();

    static {
        String[][] cn = {{"北京", "BJ"}, {"天津", "TJ"}, {"河北", "HE"}, {"山西", "SX"}, {"内蒙古", "NM"}, {"辽宁", "LN"}, {"吉林", "JL"},
            {"黑龙江", "HL"}, {"上海", "SH"}, {"江苏", "JS"}, {"浙江", "ZJ"}, {"安徽", "AH"}, {"福建", "FJ"}, {"江西", "JX"}, {"山东", "SD"},
            {"河南", "HA"}, {"湖北", "HB"}, {"湖南", "HN"}, {"广东", "GD"}, {"广西", "GX"}, {"海南", "HI"}, {"重庆", "CQ"}, {"四川", "SC"},
            {"贵州", "GZ"}, {"云南", "YN"}, {"西藏", "XZ"}, {"陕西", "SN"}, {"甘肃", "GS"}, {"青海", "QH"}, {"宁夏", "NX"}, {"新疆", "XJ"},
            {"guangdong", "GD"}, {"beijing", "BJ"}, {"shanghai", "SH"}};
        for (String[] p : cn) CN_PROVINCES.put(p[0], p[1]);
        String[][] us = {{"alabama", "AL"}, {"alaska", "AK"}, {"arizona", "AZ"}, {"arkansas", "AR"}, {"california", "CA"}, {"colorado", "CO"},
            {"connecticut", "CT"}, {"delaware", "DE"}, {"florida", "FL"}, {"georgia", "GA"}, {"hawaii", "HI"}, {"idaho", "ID"}, {"illinois", "IL"},
            {"indiana", "IN"}, {"iowa", "IA"}, {"kansas", "KS"}, {"kentucky", "KY"}, {"louisiana", "LA"}, {"maine", "ME"}, {"maryland", "MD"},
            {"massachusetts", "MA"}, {"michigan", "MI"}, {"minnesota", "MN"}, {"mississippi", "MS"}, {"missouri", "MO"}, {"montana", "MT"},
            {"nebraska", "NE"}, {"nevada", "NV"}, {"new hampshire", "NH"}, {"new jersey", "NJ"}, {"new mexico", "NM"}, {"new york", "NY"},
            {"north carolina", "NC"}, {"north dakota", "ND"}, {"ohio", "OH"}, {"oklahoma", "OK"}, {"oregon", "OR"}, {"pennsylvania", "PA"},
            {"rhode island", "RI"}, {"south carolina", "SC"}, {"south dakota", "SD"}, {"tennessee", "TN"}, {"texas", "TX"}, {"utah", "UT"},
            {"vermont", "VT"}, {"virginia", "VA"}, {"washington", "WA"}, {"west virginia", "WV"}, {"wisconsin", "WI"}, {"wyoming", "WY"},
            {"district of columbia", "DC"}};
        for (String[] s : us) US_STATES.put(s[0], s[1]);
    }

    private RecordRegion() { }

    public static String of(List<ParsedInput.Entry> entries) {
        ResourceIndex index = new ResourceIndex(entries);
        Patient patient = null;
        for (Resource r : index.all()) if (r instanceof Patient p) { patient = p; break; }
        if (patient != null && patient.hasManagingOrganization() && index.resolve(patient.getManagingOrganization()) instanceof Organization o) {
            String r = fromAddresses(o.getAddress());
            if (r != null) return r;
        }
        for (Resource r : index.all()) {
            if (r instanceof Organization o) {
                String region = fromAddresses(o.getAddress());
                if (region != null) return region;
            }
        }
        return patient == null ? null : fromAddresses(patient.getAddress());
    }

    static String fromAddresses(List<Address> addresses) {
        for (Address a : addresses) {
            String r = of(a.getCountry(), a.getState());
            if (r != null) return r;
        }
        return null;
    }

    /** A region code from a country and a state or province as written, or null. */
    public static String of(String country, String state) {
        String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        String s = state == null ? "" : state.strip();
        String province = province(s);
        boolean china = c.equals("CN") || c.equals("CHN") || c.equals("CHINA") || c.contains("中国") || (c.isEmpty() && province != null);
        if (china) return province != null ? "CN-" + province : "CN";
        boolean us = c.equals("US") || c.equals("USA") || c.equals("UNITED STATES") || c.equals("UNITED STATES OF AMERICA");
        if (us || (c.isEmpty() && usState(s) != null)) {
            String st = usState(s);
            return st != null ? "US-" + st : "US";
        }
        return c.length() == 2 ? c : null;
    }

    private static String province(String s) {
        if (s.isEmpty()) return null;
        for (var e : CN_PROVINCES.entrySet()) if (s.toLowerCase(Locale.ROOT).startsWith(e.getKey())) return e.getValue();
        return null;
    }

    private static String usState(String s) {
        if (s.length() == 2 && US_STATES.containsValue(s.toUpperCase(Locale.ROOT))) return s.toUpperCase(Locale.ROOT);
        return US_STATES.get(s.toLowerCase(Locale.ROOT));
    }
}
