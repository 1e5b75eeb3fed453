package org.emrqc.console;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: requests as each seeded user, and the sample records with a chosen Bundle id. */
public final class Api {
    public static final String ADMIN_PASSWORD = "admin-test-pw";

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails(io.restassured.filter.log.LogDetail.BODY);
        // send bodies as UTF-8 whatever the content type (RestAssured's default for unknown types is ISO-8859-1)
        io.restassured.RestAssured.config = io.restassured.RestAssured.config()
                .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));
    }

    private Api() { }

    public static RequestSpecification anonymous() { return given(); }

    public static RequestSpecification as(String user) {
        String password = switch (user) {
            case "admin" -> ADMIN_PASSWORD;
            case "reviewer", "physician" -> user + "-demo";
            default -> user + "-password";
        };
        return given().auth().preemptive().basic(user, password);
    }

    /** A sample record from samples/cn with Bundle.id set, so each test stores its own record. */
    public static byte[] sample(String name, String bundleId) {
        try {
            String json = Files.readString(Path.of("../samples/cn", name + ".json"), StandardCharsets.UTF_8);
            return json.replaceFirst("\"resourceType\": \"Bundle\",", "\"resourceType\": \"Bundle\", \"id\": \"" + bundleId + "\",")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final String LATE = "cn-inpatient-appendicitis-late-admission-record";
    public static final String COMPLETE = "cn-inpatient-appendicitis-complete";
}
