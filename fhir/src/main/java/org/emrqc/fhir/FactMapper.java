package org.emrqc.fhir;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.AllergyFact;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.CodedFact;
import org.emrqc.model.Coding;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.ConsentFact;
import org.emrqc.model.DiagnosticReportFact;
import org.emrqc.model.FrontSheetFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.DocumentSection;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.EncounterLocation;
import org.emrqc.model.OrderFact;
import org.emrqc.model.Fact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientFact;
import org.emrqc.model.PractitionerFact;
import org.emrqc.model.ProcedureFact;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;

/**
 * Maps the FHIR resources of one input to the fact model the rules match on. Every fact keeps the id its
 * resource has in the input. Resources the rules do not use (Organization, Claim ...) make no fact; a Location is read through the Encounter that references it.
 */
public final class FactMapper {
    private final ZoneId zone;

    /** @param zone the zone in which dates and date-times without an offset are read */
    public FactMapper(ZoneId zone) { this.zone = zone; }

    public List<Fact> map(ResourceIndex index) {
        List<Fact> facts = new ArrayList<>();
        Map<String, ConditionFact> conditions = new HashMap<>();
        Map<String, ProcedureFact> procedures = new HashMap<>();
        List<Encounter> encounters = new ArrayList<>();
        String payer = null;
        for (Resource r : index.all()) {
            String id = index.idOf(r);
            if (r instanceof Patient p) facts.add(patient(p, id));
            else if (r instanceof Encounter e) { facts.add(encounter(e, id, index)); encounters.add(e); }
            else if (r instanceof org.hl7.fhir.r4.model.Coverage c && payer == null && c.hasType()) payer = text(c.getType()) != null ? text(c.getType()) : code(c.getType());
            else if (r instanceof Condition c) { ConditionFact f = condition(c, id, index); facts.add(f); conditions.put(id, f); }
            else if (r instanceof Observation o) facts.addAll(observation(o, id, index));
            else if (r instanceof MedicationRequest m) facts.add(medicationRequest(m, id, index));
            else if (r instanceof MedicationAdministration m) facts.add(medicationAdministration(m, id, index));
            else if (r instanceof Procedure p) { ProcedureFact f = procedure(p, id, index); facts.add(f); procedures.put(id, f); }
            else if (r instanceof ServiceRequest s) facts.add(order(s, id, index));
            else if (r instanceof AllergyIntolerance a) facts.add(allergy(a, id, index));
            else if (r instanceof DiagnosticReport d) facts.add(report(d, id, index));
            else if (r instanceof DocumentReference d) facts.add(documentReference(d, id, index));
            else if (r instanceof Composition c) facts.add(composition(c, id, index));
            else if (r instanceof Consent c) facts.add(consent(c, id, index));
            else if (r instanceof Practitioner p) facts.add(practitioner(p, id));
            else if (r instanceof PractitionerRole p) facts.add(practitionerRole(p, id, index));
        }
        // Encounter.diagnosis gives the role (principal = rank 1) of each Condition
        for (Encounter e : encounters) {
            for (Encounter.DiagnosisComponent d : e.getDiagnosis()) {
                ConditionFact c = conditions.get(index.targetId(d.getCondition()));
                if (c == null) continue;
                // a diagnosis of this encounter belongs to it even when the Condition names no encounter
                if (c.getEncounterId() == null) c.setEncounterId(index.idOf(e));
                if (d.hasRank() && d.getRank() == 1) c.setPrincipal(true);
                else c.setSecondary(true);
            }
        }
        List<Encounter> stays = partOf(encounters, facts, index);
        for (Encounter e : stays) facts.add(frontSheet(e, index, conditions, procedures, payer));
        return facts;
    }

    private Long time(BaseDateTimeType t) { return FhirTimes.epochMillis(t, zone); }

    private Long latest(BaseDateTimeType t) { return FhirTimes.latestMillis(t, zone); }

    private Long startLatest(Type effective) {
        if (effective instanceof BaseDateTimeType t) return latest(t);
        if (effective instanceof Period p) return p.hasStart() ? latest(p.getStartElement()) : latest(p.getEndElement());
        return null;
    }

    private Long endLatest(Type effective) {
        if (effective instanceof BaseDateTimeType t) return latest(t);
        if (effective instanceof Period p) return p.hasEnd() ? latest(p.getEndElement()) : null;
        return null;
    }

    private Long start(Type effective) {
        if (effective instanceof BaseDateTimeType t) return time(t);
        if (effective instanceof Period p) return p.hasStart() ? time(p.getStartElement()) : time(p.getEndElement());
        return null;
    }

    private Long end(Type effective) {
        if (effective instanceof BaseDateTimeType t) return time(t);
        if (effective instanceof Period p) return p.hasEnd() ? time(p.getEndElement()) : null;
        return null;
    }

    private static void codes(CodedFact f, CodeableConcept cc) {
        if (cc == null) return;
        for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) {
            if (c.hasCode()) f.addCoding(new Coding(c.getSystem(), c.getCode(), c.getDisplay(), c.getVersion()));
        }
        if (cc.hasText()) f.setText(cc.getText());
    }

    private static String code(CodeableConcept cc) {
        if (cc == null) return null;
        for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) if (c.hasCode()) return c.getCode();
        return null;
    }

    private static String text(CodeableConcept cc) {
        if (cc == null) return null;
        if (cc.hasText()) return cc.getText();
        for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) if (c.hasDisplay()) return c.getDisplay();
        return null;
    }

    private static void links(Fact f, ResourceIndex index, Reference subject, Reference encounter) {
        if (subject != null && !subject.isEmpty()) {
            Resource target = index.resolve(subject);
            if (target == null || target instanceof Patient) f.setPatientId(index.targetId(subject));
        }
        if (encounter != null && !encounter.isEmpty()) f.setEncounterId(index.targetId(encounter));
    }

    private PatientFact patient(Patient p, String id) {
        PatientFact f = new PatientFact(id);
        if (p.hasGender()) f.setGender(p.getGender().toCode());
        f.setBirthDate(FhirTimes.localDate(p.getBirthDateElement()));
        if (p.hasDeceasedBooleanType()) f.setDeceased(p.getDeceasedBooleanType().getValue());
        if (p.hasDeceasedDateTimeType()) {
            f.setDeceased(true);
            f.setDeceasedAt(time(p.getDeceasedDateTimeType()));
            f.setDeceasedAtLatest(latest(p.getDeceasedDateTimeType()));
        }
        if (p.hasMaritalStatus()) f.setMaritalStatus(code(p.getMaritalStatus()));
        if (p.hasName()) f.setName(p.getNameFirstRep().hasText() ? p.getNameFirstRep().getText() : p.getNameFirstRep().getNameAsSingleString());
        for (Identifier i : p.getIdentifier()) {
            if (CodeSystems.CN_RESIDENT_ID.equals(i.getSystem()) && i.hasValue()) f.setNationalId(i.getValue());
        }
        for (Patient.ContactComponent c : p.getContact()) {
            for (CodeableConcept rel : c.getRelationship()) {
                String code = code(rel);
                String t = text(rel);
                if ("SPS".equals(code) || "HUSB".equals(code) || "WIFE".equals(code)
                        || (t != null && (t.toLowerCase().contains("spouse") || t.contains("配偶") || t.equals("妻子") || t.equals("丈夫")))) {
                    f.setSpouseContact(true);
                }
            }
        }
        return f;
    }

    private EncounterFact encounter(Encounter e, String id, ResourceIndex index) {
        EncounterFact f = new EncounterFact(id);
        links(f, index, e.getSubject(), null);
        if (e.hasClass_()) f.setClassCode(e.getClass_().getCode());
        if (e.hasStatus()) f.setStatus(e.getStatus().toCode());
        if (e.hasPeriod()) {
            f.setStart(time(e.getPeriod().getStartElement()));
            f.setStartLatest(latest(e.getPeriod().getStartElement()));
            f.setEnd(time(e.getPeriod().getEndElement()));
            f.setEndLatest(latest(e.getPeriod().getEndElement()));
        }
        if (e.hasServiceType()) {
            f.setDepartmentCode(code(e.getServiceType()));
            f.setDepartment(text(e.getServiceType()));
        }
        for (Encounter.EncounterLocationComponent l : e.getLocation()) {
            EncounterLocation loc = location(l, index);
            if (loc != null) f.getLocations().add(loc);
        }
        if (e.hasHospitalization() && e.getHospitalization().hasDischargeDisposition()) {
            f.setDischargeDisposition(code(e.getHospitalization().getDischargeDisposition()));
            f.setDischargeDispositionText(text(e.getHospitalization().getDischargeDisposition()));
        }
        return f;
    }

    static final String EXT = "https://emrqc.org/fhir/StructureDefinition/";

    /**
     * A HIS that models each ward (or each episode) of a stay as an Encounter partOf the stay: the parts are folded into
     * the stay they belong to (following partOf to the top). Every fact of a part moves to the stay, and the part's
     * ward with its period joins the stay's location history (its own locations when it has them, else its
     * serviceType as the ward), so a move between parts is a transfer; the part itself is no stay of its own.
     * Returns the encounters that remain stays.
     */
    private List<Encounter> partOf(List<Encounter> encounters, List<Fact> facts, ResourceIndex index) {
        Map<String, String> parent = new HashMap<>();
        for (Encounter e : encounters) {
            if (!e.hasPartOf()) continue;
            String p = index.targetId(e.getPartOf());
            if (p != null && !p.equals(index.idOf(e))) parent.put(index.idOf(e), p);
        }
        if (parent.isEmpty()) return encounters;
        Map<String, EncounterFact> byId = new HashMap<>();
        for (Fact f : facts) if (f instanceof EncounterFact ef) byId.put(ef.getId(), ef);
        Map<String, String> root = new HashMap<>();
        for (String child : parent.keySet()) {
            String r = child;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (parent.containsKey(r) && byId.containsKey(parent.get(r)) && seen.add(r)) r = parent.get(r);
            if (!r.equals(child)) root.put(child, r);
        }
        if (root.isEmpty()) return encounters;
        List<Encounter> stays = new ArrayList<>();
        for (Encounter e : encounters) {
            String id = index.idOf(e);
            String r = root.get(id);
            if (r == null) {
                stays.add(e);
                continue;
            }
            EncounterFact part = byId.get(id);
            EncounterFact stay = byId.get(r);
            if (part.getLocations().isEmpty()) {
                if (part.getDepartment() != null && part.getStart() != null) {
                    stay.getLocations().add(new EncounterLocation(null, part.getDepartment(), "wa", isIcuName(part.getDepartment()),
                            part.getStart(), part.getStartLatest(), part.getEnd(), part.getEndLatest()));
                }
            } else {
                stay.getLocations().addAll(part.getLocations());
            }
        }
        facts.removeIf(f -> f instanceof EncounterFact ef && root.containsKey(ef.getId()));
        for (Fact f : facts) {
            String r = f.getEncounterId() == null ? null : root.get(f.getEncounterId());
            if (r != null) f.setEncounterId(r);
        }
        return stays;
    }

    /** The front-sheet fields of a stay: hospitalization, diagnoses with 入院病情, procedures with their grades, payer. */
    private FrontSheetFact frontSheet(Encounter e, ResourceIndex index, Map<String, ConditionFact> conditions,
                                      Map<String, ProcedureFact> procedures, String payer) {
        String encId = index.idOf(e);
        FrontSheetFact f = new FrontSheetFact(encId);
        f.setPatientId(index.targetId(e.getSubject()));
        Encounter.EncounterHospitalizationComponent h = e.getHospitalization();
        if (h.hasAdmitSource()) {
            f.setAdmitSource(code(h.getAdmitSource()));
            f.setAdmitSourceText(text(h.getAdmitSource()));
        }
        if (h.hasDischargeDisposition()) {
            f.setDisposition(code(h.getDischargeDisposition()));
            f.setDispositionText(text(h.getDischargeDisposition()));
        }
        f.setDestination(h.hasDestination());
        org.hl7.fhir.r4.model.Extension autopsy = e.getExtensionByUrl(EXT + "autopsy");
        if (autopsy != null && autopsy.getValue() instanceof org.hl7.fhir.r4.model.BooleanType b) f.setAutopsy(b.getValue());
        org.hl7.fhir.r4.model.Extension transfusion = e.getExtensionByUrl(EXT + "transfusion");
        if (transfusion != null && transfusion.getValue() instanceof org.hl7.fhir.r4.model.BooleanType b) f.setTransfusion(b.getValue());
        f.setPayer(payer);
        for (Encounter.DiagnosisComponent d : e.getDiagnosis()) {
            String cid = index.targetId(d.getCondition());
            ConditionFact c = conditions.get(cid);
            org.hl7.fhir.r4.model.Extension poa = d.getExtensionByUrl(EXT + "admission-condition");
            String admission = null;
            if (poa != null && poa.getValue() instanceof CodeableConcept cc) admission = code(cc) != null ? code(cc) : text(cc);
            else if (poa != null && poa.getValue() instanceof org.hl7.fhir.r4.model.Coding cd) admission = cd.getCode();
            f.getDiagnoses().add(new FrontSheetFact.Diagnosis(cid, c != null ? c.getLabel() : d.getCondition().getDisplay(),
                    d.hasRank() ? d.getRank() : null, d.hasUse() ? code(d.getUse()) : null, admission));
        }
        for (Resource r : index.all()) {
            if (!(r instanceof Procedure p)) continue;
            ProcedureFact pf = procedures.get(index.idOf(r));
            if (pf == null || !encId.equals(pf.getEncounterId())) continue;
            org.hl7.fhir.r4.model.Extension rank = p.getExtensionByUrl(EXT + "procedure-rank");
            Integer rk = rank != null && rank.getValue() instanceof org.hl7.fhir.r4.model.IntegerType i ? i.getValue() : null;
            f.getOperations().add(new FrontSheetFact.Operation(pf.getId(), pf.getLabel(), pf.isSurgical(), rk, extensionCode(p, "incision-class"),
                    extensionCode(p, "healing-grade"), extensionCode(p, "anesthesia-method")));
        }
        return f;
    }

    /** 手术级别 as written: 3, "3", 三级, Ⅲ级, level-3; null when not one of 1–4. */
    static Integer grade(String v) {
        if (v == null) return null;
        String t = v.replaceAll("[\\s级手术]", "").replaceAll("(?i)^level-?", "");
        return switch (t) {
            case "1", "一", "Ⅰ", "I" -> 1;
            case "2", "二", "Ⅱ", "II" -> 2;
            case "3", "三", "Ⅲ", "III" -> 3;
            case "4", "四", "Ⅳ", "IV" -> 4;
            default -> null;
        };
    }

    /** Adds the codings of the categories to {@code into} and returns the first category's text (or display). */
    private static String categories(List<CodeableConcept> categories, List<Coding> into) {
        String text = null;
        for (CodeableConcept c : categories) {
            for (org.hl7.fhir.r4.model.Coding k : c.getCoding()) if (k.hasCode()) into.add(new Coding(k.getSystem(), k.getCode(), k.getDisplay()));
            if (text == null) text = text(c);
        }
        return text;
    }

    private static String extensionCode(org.hl7.fhir.r4.model.DomainResource r, String name) {
        org.hl7.fhir.r4.model.Extension x = r.getExtensionByUrl(EXT + name);
        if (x == null) return null;
        if (x.getValue() instanceof CodeableConcept cc) return code(cc) != null ? code(cc) : text(cc);
        if (x.getValue() instanceof org.hl7.fhir.r4.model.Coding c) return c.getCode() != null ? c.getCode() : c.getDisplay();
        return x.getValue() == null ? null : x.getValue().primitiveValue();
    }

    /** One entry of the location history: the Location it references (name, physical type, ICU) and its period. */
    private EncounterLocation location(Encounter.EncounterLocationComponent l, ResourceIndex index) {
        if (!l.hasLocation() && !l.hasPeriod()) return null;
        String name = l.getLocation().getDisplay();
        String physicalType = l.hasPhysicalType() ? code(l.getPhysicalType()) : null;
        boolean icu = false;
        String locationId = null;
        if (index.resolve(l.getLocation()) instanceof Location loc) {
            locationId = index.idOf(loc);
            if (loc.hasName()) name = loc.getName();
            if (physicalType == null && loc.hasPhysicalType()) physicalType = code(loc.getPhysicalType());
            for (CodeableConcept t : loc.getType()) icu |= "ICU".equals(code(t)) || isIcuName(text(t));
        } else if (l.getLocation().hasReference()) {
            locationId = index.targetId(l.getLocation());
        }
        icu |= isIcuName(name);
        Period p = l.getPeriod();
        return new EncounterLocation(locationId, name, physicalType, icu,
                time(p.getStartElement()), latest(p.getStartElement()), time(p.getEndElement()), latest(p.getEndElement()));
    }

    private static boolean isIcuName(String name) {
        if (name == null) return false;
        String u = name.toUpperCase();
        return u.contains("ICU") || name.contains("重症监护") || name.contains("监护病房");
    }

    private OrderFact order(ServiceRequest s, String id, ResourceIndex index) {
        OrderFact f = new OrderFact(id);
        links(f, index, s.getSubject(), s.getEncounter());
        codes(f, s.getCode());
        f.setCategoryText(categories(s.getCategory(), f.getCategories()));
        if (s.hasStatus()) f.setStatus(s.getStatus().toCode());
        if (s.hasIntent()) f.setIntent(s.getIntent().toCode());
        if (s.hasPriority()) f.setPriority(s.getPriority().toCode());
        if (s.hasAuthoredOn()) {
            f.setAuthoredOn(time(s.getAuthoredOnElement()));
            f.setAuthoredOnLatest(latest(s.getAuthoredOnElement()));
        }
        if (s.hasOccurrence()) {
            f.setOccurrence(start(s.getOccurrence()));
            f.setOccurrenceLatest(startLatest(s.getOccurrence()));
        }
        f.setNote(notes(s.getNote()));
        return f;
    }

    private ConditionFact condition(Condition c, String id, ResourceIndex index) {
        ConditionFact f = new ConditionFact(id);
        links(f, index, c.getSubject(), c.getEncounter());
        codes(f, c.getCode());
        f.setClinicalStatus(code(c.getClinicalStatus()));
        f.setVerificationStatus(code(c.getVerificationStatus()));
        if (c.hasOnset()) {
            f.setOnset(start(c.getOnset()));
            f.setOnsetLatest(startLatest(c.getOnset()));
        }
        if (c.hasAbatement()) {
            f.setAbatement(start(c.getAbatement()));
            f.setAbatementLatest(startLatest(c.getAbatement()));
        }
        if (c.hasRecordedDate()) {
            f.setRecorded(time(c.getRecordedDateElement()));
            f.setRecordedLatest(latest(c.getRecordedDateElement()));
        }
        f.setLaterality(laterality(c.getBodySite()));
        return f;
    }

    private List<ObservationFact> observation(Observation o, String id, ResourceIndex index) {
        List<ObservationFact> out = new ArrayList<>();
        ObservationFact f = new ObservationFact(id);
        links(f, index, o.getSubject(), o.getEncounter());
        codes(f, o.getCode());
        if (o.hasCategory()) f.setCategory(code(o.getCategoryFirstRep()));
        if (o.hasStatus()) f.setStatus(o.getStatus().toCode());
        Long effective = o.hasEffective() ? start(o.getEffective()) : null;
        f.setEffective(effective);
        if (o.hasEffective()) f.setEffectiveLatest(startLatest(o.getEffective()));
        if (o.hasIssued()) f.setIssued(time(o.getIssuedElement()));
        value(f, o.getValue());
        f.setDataAbsent(o.hasDataAbsentReason());
        f.setCritical(critical(o.getInterpretation()));
        f.setNote(notes(o.getNote()));
        f.setComponentCount(o.getComponent().size());
        f.setMemberCount(o.getHasMember().size() + o.getDerivedFrom().size());
        out.add(f);
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent c = o.getComponent().get(i);
            ObservationFact cf = new ObservationFact(id);
            cf.setPatientId(f.getPatientId());
            cf.setEncounterId(f.getEncounterId());
            codes(cf, c.getCode());
            cf.setCategory(f.getCategory());
            cf.setStatus(f.getStatus());
            cf.setEffective(effective);
            cf.setIssued(f.getIssued());
            cf.setComponentIndex(i);
            value(cf, c.getValue());
            cf.setDataAbsent(c.hasDataAbsentReason());
            out.add(cf);
        }
        return out;
    }

    private static void value(ObservationFact f, Type v) {
        if (v == null || v.isEmpty()) return;
        f.setHasValue(true);
        if (v instanceof Quantity q) {
            if (q.hasValue()) f.setValue(q.getValue().doubleValue());
            f.setUnit(q.getUnit());
            f.setUnitCode(q.getCode());
            f.setUnitSystem(q.getSystem());
            f.setValueText((q.hasValue() ? q.getValue().toPlainString() : "?") + (q.hasUnit() ? " " + q.getUnit() : q.hasCode() ? " " + q.getCode() : ""));
        } else if (v instanceof CodeableConcept cc) {
            f.setValueText(text(cc));
        } else if (v.isPrimitive()) {
            f.setValueText(v.primitiveValue());
        }
    }

    private void medication(MedicationFact f, Type medication, ResourceIndex index) {
        if (medication instanceof CodeableConcept cc) {
            codes(f, cc);
        } else if (medication instanceof Reference ref) {
            if (index.resolve(ref) instanceof Medication m) {
                codes(f, m.getCode());
                for (Medication.MedicationIngredientComponent ing : m.getIngredient()) {
                    if (ing.getItem() instanceof CodeableConcept icc) {
                        for (org.hl7.fhir.r4.model.Coding c : icc.getCoding()) {
                            f.getIngredients().add(new Coding(c.getSystem(), c.getCode(), c.getDisplay()));
                        }
                    }
                }
            } else if (ref.hasDisplay()) {
                f.setText(ref.getDisplay());
            }
        }
    }

    private MedicationFact medicationRequest(MedicationRequest m, String id, ResourceIndex index) {
        MedicationFact f = new MedicationFact("MedicationRequest", id);
        links(f, index, m.getSubject(), m.getEncounter());
        medication(f, m.getMedication(), index);
        if (m.hasStatus()) f.setStatus(m.getStatus().toCode());
        if (m.hasIntent()) f.setIntent(m.getIntent().toCode());
        if (m.hasAuthoredOn()) {
            f.setAuthoredOn(time(m.getAuthoredOnElement()));
            f.setAuthoredOnLatest(latest(m.getAuthoredOnElement()));
        }
        if (m.hasDosageInstruction()) {
            Dosage d = m.getDosageInstructionFirstRep();
            f.setHasDosage(true);
            for (Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
                if (dr.hasDoseQuantity()) {
                    Quantity q = dr.getDoseQuantity();
                    if (q.hasValue()) f.setDose(q.getValue().doubleValue());
                    f.setDoseUnit(q.hasCode() ? q.getCode() : q.getUnit());
                    break;
                }
            }
            if (d.hasRoute()) f.setRoute(text(d.getRoute()) != null ? text(d.getRoute()) : code(d.getRoute()));
            f.setTimesPerDay(timesPerDay(d.getTiming()));
        }
        return f;
    }

    private MedicationFact medicationAdministration(MedicationAdministration m, String id, ResourceIndex index) {
        MedicationFact f = new MedicationFact("MedicationAdministration", id);
        links(f, index, m.getSubject(), m.getContext());
        medication(f, m.getMedication(), index);
        if (m.hasStatus()) f.setStatus(m.getStatus().toCode());
        if (m.hasEffective()) {
            f.setAuthoredOn(start(m.getEffective()));
            f.setAuthoredOnLatest(startLatest(m.getEffective()));
        }
        if (m.hasDosage()) {
            MedicationAdministration.MedicationAdministrationDosageComponent d = m.getDosage();
            f.setHasDosage(true);
            if (d.hasDose()) {
                if (d.getDose().hasValue()) f.setDose(d.getDose().getValue().doubleValue());
                f.setDoseUnit(d.getDose().hasCode() ? d.getDose().getCode() : d.getDose().getUnit());
            }
            if (d.hasRoute()) f.setRoute(text(d.getRoute()));
        }
        return f;
    }

    /** Doses per day from timing.repeat (frequency per period), or null when not computable. */
    static Double timesPerDay(Timing timing) {
        if (timing == null || !timing.hasRepeat()) return null;
        Timing.TimingRepeatComponent r = timing.getRepeat();
        if (!r.hasPeriod() || !r.hasPeriodUnit()) return null;
        int frequency = r.hasFrequencyMax() ? r.getFrequencyMax() : r.hasFrequency() ? r.getFrequency() : 1;
        double period = r.getPeriod().doubleValue();
        if (period <= 0) return null;
        double days = switch (r.getPeriodUnit()) {
            case S -> period / 86400d;
            case MIN -> period / 1440d;
            case H -> period / 24d;
            case D -> period;
            case WK -> period * 7;
            case MO -> period * 30;
            case A -> period * 365;
            default -> -1;
        };
        return days <= 0 ? null : frequency / days;
    }

    private ProcedureFact procedure(Procedure p, String id, ResourceIndex index) {
        ProcedureFact f = new ProcedureFact(id);
        links(f, index, p.getSubject(), p.getEncounter());
        codes(f, p.getCode());
        if (p.hasStatus()) f.setStatus(p.getStatus().toCode());
        if (p.hasCategory()) {
            f.setCategoryCode(code(p.getCategory()));
            f.setCategoryText(text(p.getCategory()));
        }
        if (p.hasPerformed()) {
            f.setStart(start(p.getPerformed()));
            f.setStartLatest(startLatest(p.getPerformed()));
            f.setEnd(end(p.getPerformed()));
            f.setEndLatest(endLatest(p.getPerformed()));
        }
        f.setLaterality(laterality(p.getBodySite()));
        f.setNote(notes(p.getNote()));
        f.setGrade(grade(extensionCode(p, "operation-grade")));
        f.setAnesthesia(extensionCode(p, "anesthesia-method"));
        for (Procedure.ProcedureFocalDeviceComponent d : p.getFocalDevice()) {
            String name = d.getManipulated().getDisplay();
            if (index.resolve(d.getManipulated()) instanceof org.hl7.fhir.r4.model.Device dev) {
                if (dev.hasDeviceName()) name = dev.getDeviceNameFirstRep().getName();
                else if (dev.hasType()) name = text(dev.getType());
            }
            f.getImplants().add(name != null ? name : "植入物");
        }
        for (Procedure.ProcedurePerformerComponent perf : p.getPerformer()) {
            String pid = practitionerId(perf.getActor(), index);
            if (pid == null) continue;
            f.getPerformerIds().add(pid);
            String fn = code(perf.getFunction());
            String fnText = text(perf.getFunction());
            boolean primary = "304292004".equals(fn) || (fnText != null && (fnText.contains("主刀") || fnText.contains("术者") || fnText.toLowerCase().contains("primary surgeon")));
            if (primary || f.getPrimaryPerformerId() == null) f.setPrimaryPerformerId(pid);
        }
        return f;
    }

    /** A critical value: interpretation HH (critical high), LL (critical low) or AA (critical abnormal), or 危急值. */
    private static boolean critical(List<CodeableConcept> interpretations) {
        for (CodeableConcept cc : interpretations) {
            for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) {
                if ("HH".equals(c.getCode()) || "LL".equals(c.getCode()) || "AA".equals(c.getCode())) return true;
            }
            String t = text(cc);
            if (t != null && (t.contains("危急") || t.toLowerCase().startsWith("critical"))) return true;
        }
        return false;
    }

    private static String notes(List<org.hl7.fhir.r4.model.Annotation> notes) {
        StringBuilder sb = new StringBuilder();
        for (org.hl7.fhir.r4.model.Annotation a : notes) append(sb, a.getText());
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Laterality of body sites: a SNOMED CT laterality qualifier among the codings, else the text. */
    private static String laterality(List<CodeableConcept> sites) {
        for (CodeableConcept site : sites) {
            for (org.hl7.fhir.r4.model.Coding c : site.getCoding()) {
                String l = org.emrqc.model.Laterality.ofSnomed(c.getCode());
                if (l != null) return l;
            }
            String l = org.emrqc.model.Laterality.of(text(site));
            if (l != null) return l;
        }
        return null;
    }

    /** The Practitioner id behind a reference to a Practitioner or to a PractitionerRole. */
    private static String practitionerId(Reference ref, ResourceIndex index) {
        Resource r = index.resolve(ref);
        if (r instanceof PractitionerRole role && role.hasPractitioner()) return index.targetId(role.getPractitioner());
        return index.targetId(ref);
    }

    private AllergyFact allergy(AllergyIntolerance a, String id, ResourceIndex index) {
        AllergyFact f = new AllergyFact(id);
        links(f, index, a.getPatient(), a.getEncounter());
        codes(f, a.getCode());
        if (a.hasCategory()) f.setCategory(a.getCategory().get(0).getValueAsString());
        f.setClinicalStatus(code(a.getClinicalStatus()));
        f.setVerificationStatus(code(a.getVerificationStatus()));
        if (a.hasRecordedDate()) {
            f.setRecorded(time(a.getRecordedDateElement()));
            f.setRecordedLatest(latest(a.getRecordedDateElement()));
        }
        return f;
    }

    private DiagnosticReportFact report(DiagnosticReport d, String id, ResourceIndex index) {
        DiagnosticReportFact f = new DiagnosticReportFact(id);
        links(f, index, d.getSubject(), d.getEncounter());
        codes(f, d.getCode());
        if (d.hasStatus()) f.setStatus(d.getStatus().toCode());
        if (d.hasEffective()) {
            f.setEffective(start(d.getEffective()));
            f.setEffectiveLatest(startLatest(d.getEffective()));
        }
        if (d.hasIssued()) f.setIssued(time(d.getIssuedElement()));
        for (Reference r : d.getResult()) f.getResultIds().add(index.targetId(r));
        for (Reference r : d.getBasedOn()) {
            String target = index.targetId(r);
            if (target != null) f.getBasedOnIds().add(target);
        }
        f.setCategoryText(categories(d.getCategory(), f.getCategories()));
        StringBuilder sb = new StringBuilder();
        for (Attachment a : d.getPresentedForm()) append(sb, attachmentText(a));
        if (sb.length() > 0) f.setNarrative(sb.toString());
        return f;
    }

    private DocumentFact documentReference(DocumentReference d, String id, ResourceIndex index) {
        DocumentFact f = new DocumentFact("DocumentReference", id);
        links(f, index, d.getSubject(), d.getContext().hasEncounter() ? d.getContext().getEncounterFirstRep() : null);
        codes(f, d.getType());
        if (d.hasDocStatus()) f.setStatus(d.getDocStatus().toCode());
        if (d.hasDate()) {
            f.setDate(time(d.getDateElement()));
            f.setDateLatest(latest(d.getDateElement()));
        }
        for (Reference a : d.getAuthor()) f.getAuthorIds().add(practitionerId(a, index));
        if (d.hasAuthenticator()) f.getAttesterIds().add(practitionerId(d.getAuthenticator(), index));
        if (d.hasDescription()) f.setTitle(d.getDescription());
        StringBuilder sb = new StringBuilder();
        for (DocumentReference.DocumentReferenceContentComponent c : d.getContent()) {
            if (f.getTitle() == null && c.getAttachment().hasTitle()) f.setTitle(c.getAttachment().getTitle());
            append(sb, attachmentText(c.getAttachment()));
        }
        if (sb.length() > 0) f.setNarrative(sb.toString());
        return f;
    }

    private DocumentFact composition(Composition c, String id, ResourceIndex index) {
        DocumentFact f = new DocumentFact("Composition", id);
        links(f, index, c.getSubject(), c.getEncounter());
        codes(f, c.getType());
        if (c.hasStatus()) f.setStatus(c.getStatus().toCode());
        if (c.hasTitle()) f.setTitle(c.getTitle());
        if (c.hasDate()) {
            f.setDate(time(c.getDateElement()));
            f.setDateLatest(latest(c.getDateElement()));
        }
        for (Reference a : c.getAuthor()) f.getAuthorIds().add(practitionerId(a, index));
        Composition.CompositionAttesterComponent legal = null;
        Composition.CompositionAttesterComponent any = null;
        for (Composition.CompositionAttesterComponent a : c.getAttester()) {
            if (a.hasParty()) f.getAttesterIds().add(practitionerId(a.getParty(), index));
            if (!a.hasTime() || time(a.getTimeElement()) == null) continue;
            if (a.getMode() == Composition.CompositionAttestationMode.LEGAL && legal == null) legal = a;
            if (any == null) any = a;
        }
        Composition.CompositionAttesterComponent signing = legal != null ? legal : any;
        if (signing != null) {
            f.setSignedAt(time(signing.getTimeElement()));
            f.setSignedAtLatest(latest(signing.getTimeElement()));
        }
        StringBuilder sb = new StringBuilder();
        sections(c.getSection(), f, sb);
        if (sb.length() > 0) f.setNarrative(sb.toString());
        return f;
    }

    private static void sections(List<Composition.SectionComponent> sections, DocumentFact f, StringBuilder sb) {
        for (Composition.SectionComponent s : sections) {
            String text = s.hasText() ? Narratives.plainText(s.getText().getDivAsString()) : null;
            f.getSections().add(new DocumentSection(s.getTitle(), code(s.getCode()), text));
            if (s.hasTitle()) append(sb, s.getTitle());
            append(sb, text);
            sections(s.getSection(), f, sb);
        }
    }

    private ConsentFact consent(Consent c, String id, ResourceIndex index) {
        ConsentFact f = new ConsentFact(id);
        links(f, index, c.getPatient(), null);
        if (c.hasCategory()) codes(f, c.getCategoryFirstRep());
        if (c.hasStatus()) f.setStatus(c.getStatus().toCode());
        if (c.hasScope()) f.setScope(code(c.getScope()));
        if (c.hasDateTime()) {
            f.setDateTime(time(c.getDateTimeElement()));
            f.setDateTimeLatest(latest(c.getDateTimeElement()));
        }
        for (Reference p : c.getPerformer()) f.getPerformerIds().add(index.targetId(p));
        for (Consent.provisionDataComponent d : c.getProvision().getData()) {
            Resource target = index.resolve(d.getReference());
            if (target != null) {
                f.getCoveredRefs().add(index.refOf(target));
                if (target instanceof Procedure p && p.hasEncounter() && f.getEncounterId() == null) f.setEncounterId(index.targetId(p.getEncounter()));
            }
        }
        return f;
    }

    private PractitionerFact practitioner(Practitioner p, String id) {
        PractitionerFact f = new PractitionerFact("Practitioner", id);
        if (p.hasName()) f.setName(p.getNameFirstRep().hasText() ? p.getNameFirstRep().getText() : p.getNameFirstRep().getNameAsSingleString());
        for (Practitioner.PractitionerQualificationComponent q : p.getQualification()) titles(f, q.getCode());
        return f;
    }

    private PractitionerFact practitionerRole(PractitionerRole p, String id, ResourceIndex index) {
        PractitionerFact f = new PractitionerFact("PractitionerRole", id);
        if (p.hasPractitioner()) {
            f.setPractitionerId(index.targetId(p.getPractitioner()));
            if (p.getPractitioner().hasDisplay()) f.setName(p.getPractitioner().getDisplay());
        }
        for (CodeableConcept cc : p.getCode()) titles(f, cc);
        return f;
    }

    private static void titles(PractitionerFact f, CodeableConcept cc) {
        for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) f.getTitles().add(new Coding(c.getSystem(), c.getCode(), c.getDisplay()));
        if (cc.hasText() && cc.getCoding().isEmpty()) f.getTitles().add(new Coding(null, null, cc.getText()));
    }

    /** The text of an attachment: base64 data of a text/* type (or no type), decoded as UTF-8. */
    static String attachmentText(Attachment a) {
        if (a == null || !a.hasData()) return null;
        String type = a.getContentType();
        if (type != null && !type.startsWith("text/")) return null;
        String text = new String(a.getData(), StandardCharsets.UTF_8);
        return type != null && type.startsWith("text/html") ? Narratives.plainText(text) : text;
    }

    private static void append(StringBuilder sb, String s) {
        if (s == null || s.isEmpty()) return;
        if (sb.length() > 0) sb.append('\n');
        sb.append(s);
    }
}
