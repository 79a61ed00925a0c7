package org.hotline.generator;

import static org.hotline.contracts.vocabulary.Need.CASE_MANAGEMENT;
import static org.hotline.contracts.vocabulary.Need.DOMESTIC_VIOLENCE;
import static org.hotline.contracts.vocabulary.Need.EMERGENCY_SHELTER;
import static org.hotline.contracts.vocabulary.Need.IMMIGRATION;
import static org.hotline.contracts.vocabulary.Need.INFORMATION;
import static org.hotline.contracts.vocabulary.Need.LABOR_RIGHTS;
import static org.hotline.contracts.vocabulary.Need.LEGAL;
import static org.hotline.contracts.vocabulary.Need.MEDICAL;
import static org.hotline.contracts.vocabulary.Need.MENTAL_HEALTH;
import static org.hotline.contracts.vocabulary.Need.MISSING_CHILD;
import static org.hotline.contracts.vocabulary.Need.RUNAWAY_HOMELESS_YOUTH;
import static org.hotline.contracts.vocabulary.Need.SEXUAL_ASSAULT;
import static org.hotline.contracts.vocabulary.Need.SHELTER;
import static org.hotline.contracts.vocabulary.Need.TRAINING;
import static org.hotline.contracts.vocabulary.Need.TRANSPORTATION;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline.contracts.vocabulary.Need;

/**
 * What an organisation whose main work is one need looks like: how common it is, which needs it usually covers
 * too, how it is named, what its services are called and how often its line answers around the clock.
 *
 * @param weight        relative share of organisations with this main need (shelter, legal and case management are
 *                      common, missing-child centres rare)
 * @param related       needs such an organisation often covers as well (never LAW_ENFORCEMENT for civilians)
 * @param nameEndings   ends of organisation names, e.g. "Legal Aid Society"
 * @param serviceNames  names of a service covering this need
 * @param open24hShare  share of its services that answer around the clock
 */
record NeedProfile(Need need, double weight, List<Need> related, List<String> nameEndings, List<String> serviceNames,
        double open24hShare) {

    private static final Map<Need, NeedProfile> PROFILES = new EnumMap<>(Need.class);

    static {
        add(EMERGENCY_SHELTER, 8, List.of(SHELTER, CASE_MANAGEMENT, TRANSPORTATION, DOMESTIC_VIOLENCE),
                List.of("Emergency Shelter", "Crisis Shelter", "Safe House", "Rescue Mission"),
                List.of("Emergency shelter intake", "Crisis bed line", "Safe house admissions"), 0.7);
        add(SHELTER, 12, List.of(EMERGENCY_SHELTER, CASE_MANAGEMENT, TRANSPORTATION),
                List.of("Housing Services", "Transitional Housing Program", "Family Shelter", "Housing Coalition"),
                List.of("Transitional housing", "Shelter placement", "Housing assistance"), 0.25);
        add(LEGAL, 12, List.of(IMMIGRATION, LABOR_RIGHTS, CASE_MANAGEMENT),
                List.of("Legal Aid Society", "Legal Services", "Justice Center", "Legal Aid", "Law Project"),
                List.of("Legal clinic", "Civil legal aid", "Victim rights legal help", "Vacatur and record relief"),
                0.03);
        add(IMMIGRATION, 6, List.of(LEGAL, CASE_MANAGEMENT, LABOR_RIGHTS),
                List.of("Immigrant Legal Services", "Immigration Law Project", "Refugee and Immigrant Center",
                        "Immigrant Rights Network"),
                List.of("T visa and U visa help", "Immigration consultations", "Immigrant legal clinic"), 0.02);
        add(MEDICAL, 6, List.of(MENTAL_HEALTH, CASE_MANAGEMENT),
                List.of("Community Health Center", "Free Clinic", "Health Services", "Family Health Center"),
                List.of("Health clinic", "Forensic medical exams", "Walk-in clinic"), 0.08);
        add(MENTAL_HEALTH, 8, List.of(MEDICAL, CASE_MANAGEMENT),
                List.of("Counseling Center", "Behavioral Health Services", "Trauma Recovery Center",
                        "Mental Health Association"),
                List.of("Trauma counseling", "Crisis counseling line", "Support groups"), 0.15);
        add(CASE_MANAGEMENT, 14, List.of(SHELTER, LEGAL, MENTAL_HEALTH, TRANSPORTATION, INFORMATION),
                List.of("Anti-Trafficking Coalition", "Survivor Services", "Victim Services", "Family Services",
                        "Coalition to Stop Human Trafficking", "Community Action Agency"),
                List.of("Survivor case management", "Victim advocacy", "Comprehensive survivor services"), 0.08);
        add(TRANSPORTATION, 3, List.of(CASE_MANAGEMENT, SHELTER),
                List.of("Transit Assistance Program", "Rides to Safety", "Safe Passage Network"),
                List.of("Emergency transportation", "Rides to appointments"), 0.2);
        add(Need.LAW_ENFORCEMENT, 3, List.of(MISSING_CHILD, TRAINING, INFORMATION),
                List.of("Human Trafficking Task Force", "Anti-Trafficking Task Force",
                        "Sheriff's Office Special Victims Unit", "Police Vice and Trafficking Unit"),
                List.of("Task force tip line", "Investigations desk", "Victim-witness coordinator"), 0.25);
        add(DOMESTIC_VIOLENCE, 9, List.of(EMERGENCY_SHELTER, SHELTER, LEGAL, CASE_MANAGEMENT, MENTAL_HEALTH),
                List.of("Domestic Violence Program", "Women's Shelter", "Family Violence Center",
                        "Center for Abuse Prevention"),
                List.of("Domestic violence hotline", "Protective order help", "Safety planning"), 0.6);
        add(SEXUAL_ASSAULT, 5, List.of(MEDICAL, MENTAL_HEALTH, LEGAL),
                List.of("Rape Crisis Center", "Sexual Assault Resource Center", "Sexual Assault Services"),
                List.of("Sexual assault hotline", "Hospital accompaniment", "Survivor advocacy"), 0.6);
        add(RUNAWAY_HOMELESS_YOUTH, 4, List.of(EMERGENCY_SHELTER, SHELTER, CASE_MANAGEMENT, MENTAL_HEALTH),
                List.of("Youth Shelter", "Runaway and Homeless Youth Program", "Teen Safe Place", "Youth Services"),
                List.of("Youth crisis line", "Street outreach", "Youth drop-in center"), 0.55);
        add(MISSING_CHILD, 0.5, List.of(CASE_MANAGEMENT, INFORMATION),
                List.of("Missing Children Center", "Child Advocacy Center", "Center for Missing and Exploited Youth"),
                List.of("Missing child reporting line", "Family support for missing children"), 0.7);
        add(LABOR_RIGHTS, 3, List.of(LEGAL, IMMIGRATION, CASE_MANAGEMENT),
                List.of("Workers' Rights Center", "Worker Justice Center", "Farmworker Legal Project",
                        "Workers' Center"),
                List.of("Wage theft and forced labor clinic", "Workers' rights hotline"), 0.03);
        add(TRAINING, 2, List.of(INFORMATION, CASE_MANAGEMENT),
                List.of("Anti-Trafficking Training Institute", "Training and Technical Assistance Center"),
                List.of("Training and technical assistance", "Community awareness training"), 0.0);
        add(INFORMATION, 5, List.of(CASE_MANAGEMENT, TRAINING, TRANSPORTATION),
                List.of("Information and Referral Line", "Helpline", "Community Resource Network",
                        "Anti-Trafficking Coalition"),
                List.of("Information and referral", "Resource helpline"), 0.3);
        if (PROFILES.size() != Need.values().length) {
            throw new IllegalStateException("every Need needs a profile");
        }
    }

    private static void add(Need need, double weight, List<Need> related, List<String> nameEndings,
            List<String> serviceNames, double open24hShare) {
        PROFILES.put(need, new NeedProfile(need, weight, related, nameEndings, serviceNames, open24hShare));
    }

    static NeedProfile of(Need need) {
        return PROFILES.get(need);
    }
}
