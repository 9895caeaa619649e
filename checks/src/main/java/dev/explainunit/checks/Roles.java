package dev.explainunit.checks;

import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ground-truth roles of a population's samples ("a" and "b" on the toy tasks), in order of
 * first appearance, each with the sign it enters the target with. A role whose sign differs
 * between samples is correlated with its signed contribution instead, with sign +1.
 *
 * @param roles the roles
 */
record Roles(List<Role> roles) {

    /**
     * One role.
     *
     * @param name  e.g. "a"
     * @param sign  the sign it enters the target with (+1 when {@code mixed})
     * @param mixed whether its sign differs between samples
     */
    record Role(String name, double sign, boolean mixed) {

        /** What the relevance at the role's position is correlated with in sample {@code r}: n_r or sign · n_r. */
        double truth(GroundTruth.Relevant r) {
            return mixed ? r.contribution() : r.value();
        }

        /** "ρ(R_a, n_a)". */
        String rho() {
            return "ρ(R_" + name + ", n_" + name + ")";
        }
    }

    static Roles of(List<Sample> samples) {
        Map<String, Role> found = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (!s.hasTruth()) {
                continue;
            }
            for (GroundTruth.Relevant r : s.truth().relevant()) {
                Role known = found.get(r.role());
                if (known == null) {
                    found.put(r.role(), new Role(r.role(), r.sign(), false));
                } else if (!known.mixed() && known.sign() != r.sign()) {
                    found.put(r.role(), new Role(r.role(), 1, true));
                }
            }
        }
        return new Roles(List.copyOf(new ArrayList<>(found.values())));
    }

    private static final String[] COUNTS = {"", "", "two ", "three ", "four ", "five "};

    /**
     * The relevant positions named with their number: {@code counted("operands")} gives "two
     * operands" for the two roles of the toy tasks; the plural alone for one role or more than five.
     */
    String counted(String plural) {
        return (roles.size() < COUNTS.length ? COUNTS[roles.size()] : "") + plural;
    }

    /** The role names joined: "a and b". */
    String names() {
        return roles.stream().map(Role::name).collect(Collectors.joining(" and "));
    }

    /** Each role's name formatted and joined: {@code joined("|R_%s|", " + ")} gives "|R_a| + |R_b|". */
    String joined(String format, String separator) {
        return roles.stream().map(r -> String.format(format, r.name())).collect(Collectors.joining(separator));
    }
}
