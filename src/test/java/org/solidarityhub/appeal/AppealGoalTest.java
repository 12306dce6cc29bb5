package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The moving goal of the appeal page: the next step of the ladder above the count, or the staff's final target. */
class AppealGoalTest {

    static final List<Long> STEPS = List.of(100L, 250L, 500L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L,
            100_000L, 250_000L, 500_000L, 1_000_000L);

    @Test
    void theGoalIsTheNextStepAboveTheCountAndIsRaisedAsSoonAsItIsReached() {
        assertThat(AppealGoal.of(0, null, STEPS)).isEqualTo(new AppealGoal(100, false, false, 0));
        assertThat(AppealGoal.of(11, null, STEPS)).isEqualTo(new AppealGoal(100, false, false, 11));
        assertThat(AppealGoal.of(99, null, STEPS)).isEqualTo(new AppealGoal(100, false, false, 99));
        assertThat(AppealGoal.of(100, null, STEPS)).isEqualTo(new AppealGoal(250, false, false, 40));
        assertThat(AppealGoal.of(249, null, STEPS).target()).isEqualTo(250);
        assertThat(AppealGoal.of(250, null, STEPS).target()).isEqualTo(500);
        assertThat(AppealGoal.of(9_999, null, STEPS).target()).isEqualTo(10_000);
        assertThat(AppealGoal.of(10_000, null, STEPS).target()).isEqualTo(25_000);
    }

    @Test
    void pastTheLastStepTheGoalGoesOnInItsMultiples() {
        assertThat(AppealGoal.of(999_999, null, STEPS).target()).isEqualTo(1_000_000);
        assertThat(AppealGoal.of(1_000_000, null, STEPS).target()).isEqualTo(2_000_000);
        assertThat(AppealGoal.of(2_345_678, null, STEPS).target()).isEqualTo(3_000_000);
        assertThat(AppealGoal.of(5, null, List.of(10L)).target()).isEqualTo(10);
        assertThat(AppealGoal.of(10, null, List.of(10L)).target()).isEqualTo(20);
    }

    @Test
    void theStaffGoalIsTheFinalTargetThatTheLadderNeverPasses() {
        // below the final target the ladder's steps lead up to it
        assertThat(AppealGoal.of(0, 300, STEPS)).isEqualTo(new AppealGoal(100, false, false, 0));
        assertThat(AppealGoal.of(100, 300, STEPS)).isEqualTo(new AppealGoal(250, false, false, 40));
        assertThat(AppealGoal.of(250, 300, STEPS)).isEqualTo(new AppealGoal(300, true, false, 83));
        assertThat(AppealGoal.of(299, 300, STEPS)).isEqualTo(new AppealGoal(300, true, false, 99));
        // reached, and past it: the target stays, the bar is full
        assertThat(AppealGoal.of(300, 300, STEPS)).isEqualTo(new AppealGoal(300, true, true, 100));
        assertThat(AppealGoal.of(12_345, 300, STEPS)).isEqualTo(new AppealGoal(300, true, true, 100));
        // a final target equal to a step, and one smaller than the first step
        assertThat(AppealGoal.of(0, 100, STEPS)).isEqualTo(new AppealGoal(100, true, false, 0));
        assertThat(AppealGoal.of(3, 10, STEPS)).isEqualTo(new AppealGoal(10, true, false, 30));
        // a final target far above the ladder
        assertThat(AppealGoal.of(1_500_000, 5_000_000, STEPS)).isEqualTo(new AppealGoal(2_000_000, false, false, 75));
    }

    @Test
    void theLadderMustRiseStrictly() {
        assertThatThrownBy(() -> properties("100,100")).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> properties("0,100")).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(properties("50,200").goalSteps()).containsExactly(50L, 200L);
        assertThat(properties(null).goalSteps()).isEqualTo(STEPS);
    }

    /** The settings as Spring binds them, with appeal.goal-steps as given (null: the default). */
    private static AppealProperties properties(String steps) {
        Map<String, String> source = steps == null ? Map.of() : Map.of("appeal.goal-steps", steps);
        return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("appeal", AppealProperties.class);
    }
}
