package org.hotline.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.followup.FollowupTestSupport.asSupervisor;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The dashboard says how many contacts could not be routed, as intake-service (here its stand-in) counts them when
 * asked with the viewer's own token.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(IntakeStandIn.class)
class DashboardRoutingStatusTest {

    @Test
    void theDashboardShowsTheContactsIntakeCouldNotHaveRouted() {
        String page = asSupervisor().accept("text/html").get("/dashboard").then().statusCode(200).extract().asString();

        assertThat(page).contains("id=\"routing-status\"")
                .contains(IntakeStandIn.UNROUTED + " contacts could not be routed")
                .contains("role=\"alert\"");
    }
}
