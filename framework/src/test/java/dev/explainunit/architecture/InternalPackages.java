package dev.explainunit.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The condition that a class uses an internal package only below the package that owns it, which
 * every module's architecture test states; the framework's test jar shares it with the others.
 */
public final class InternalPackages {

    private InternalPackages() {
    }

    /** "use no internal package of another package": x.internal is for x and x's subpackages alone. */
    public static ArchCondition<JavaClass> useOnlyTheirOwn() {
        return new ArchCondition<>("use no internal package of another package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (!target.startsWith("dev.explainunit") || internal < 0) {
                        continue;
                    }
                    String owner = target.substring(0, internal);
                    String from = item.getPackageName();
                    if (!(from.equals(owner) || from.startsWith(owner + "."))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
