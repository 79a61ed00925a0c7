package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.hotline.generator.DirectoryGenerator;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Loading a generated directory is off unless switched on: with the production default an administrator's request is
 * refused and no fictional organisation is created or published.
 */
@QuarkusTest
@TestProfile(DirectoryGeneratorSwitchTest.ProductionDefault.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DirectoryGeneratorSwitchTest {

    /** The default of a real deployment (the other tests switch the generator on). */
    public static class ProductionDefault implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.directory.generator.enabled", "false");
        }
    }

    @Test
    void theGeneratorIsRefusedAndNothingIsLoaded() {
        Callers.admin().when().post("/api/v1/admin/organizations/generate?count=3&seed=20261203")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("hotline.directory.generator.enabled"));
        String firstId = new DirectoryGenerator(20261203).organizations(3).toList().get(0).id().toString();
        int status = Callers.agent().when().get("/api/v1/organizations/" + firstId).then().extract().statusCode();
        assertThat(status).as("the generated organisation was not created").isEqualTo(404);
    }
}
