package org.solidarityhub.appeal;

import java.util.List;

/**
 * The goal the appeal page shows: like the big petition sites, a moving one. It is the next step of a ladder
 * ({@code appeal.goal-steps}: 100, 250, 500, 1,000, 2,500 …; past the last step, its multiples) above the public
 * count, so that the bar always shows a stretch within reach and the goal is raised as soon as it is reached. When
 * staff set a goal for the appeal it is the final target: the ladder never passes it, and once the count reaches
 * it the page says so, with a full bar.
 *
 * @param target  the number shown as the goal
 * @param finalTarget true when the target is the staff's goal, false for a step of the ladder
 * @param reached     true only when the staff's goal has been reached (a ladder step never stays reached)
 * @param percent     how far the count is toward the target, 0 to 100, for the bar's text
 */
record AppealGoal(long target, boolean finalTarget, boolean reached, int percent) {

    /** The goal for a public count ({@link PublicCounts.Count#shown()}) and the staff's final target, if any. */
    static AppealGoal of(long count, Integer finalTarget, List<Long> steps) {
        long next = nextStep(count, steps);
        if (finalTarget != null && finalTarget > 0 && next >= finalTarget) {
            boolean reached = count >= finalTarget;
            return new AppealGoal(finalTarget, true, reached, percent(count, finalTarget));
        }
        return new AppealGoal(next, false, false, percent(count, next));
    }

    /** The smallest step strictly above the count; past the ladder, the next multiple of its last step. */
    static long nextStep(long count, List<Long> steps) {
        for (long step : steps) {
            if (step > count) {
                return step;
            }
        }
        long last = steps.getLast();
        return (Math.max(count, 0) / last + 1) * last;
    }

    private static int percent(long count, long target) {
        return (int) Math.min(100, Math.max(0, count) * 100 / Math.max(1, target));
    }
}
