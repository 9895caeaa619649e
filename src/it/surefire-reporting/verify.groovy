// Surefire's reports of the failing sanity tests: every check is a test case of its own with a
// readable name (check · task, · explainer where a class tests several), the counts are the
// tests', a failing check is its own failed test case, and a throwing explainer's stack trace,
// with the user's frames, is the cause of the failure.
String dot = ' \u00b7 '

def cases = { String testClass, int expected ->
    File file = new File(basedir, "target/surefire-reports/TEST-${testClass}.xml")
    assert file.isFile() : "missing: $file"
    def suite = new groovy.xml.XmlSlurper().parse(file)
    Map byName = [:]
    suite.testcase.each { c ->
        String name = c.@name.text()
        assert !name.isEmpty() && !name.contains('null') : "$testClass: a test case without a name: [$name]"
        assert c.@classname.text() == testClass : "$testClass: test case [$name] has classname [${c.@classname}]"
        assert byName.put(name, c) == null : "$testClass: two test cases are named [$name]"
    }
    assert byName.size() == expected && suite.@tests.text() as int == expected :
            "$testClass: expected $expected test cases, got ${byName.keySet()} and tests=${suite.@tests}"
    [suite, byName]
}

// BuiltInsSanityTest: 2 explainers x 2 tasks x 3 checks; lrp-all passes, cd fails on subtraction
String builtIns = 'com.example.BuiltInsSanityTest'
def (suite, builtInCases) = cases(builtIns, 12)
int failed = builtInCases.values().count { !it.failure.isEmpty() }
assert failed > 0 && failed == (suite.@failures.text() as int) : "$builtIns: $failed failed test cases, failures=${suite.@failures}"
def cdMass = builtInCases["relevant mass${dot}subtraction${dot}cd"]
assert cdMass != null && cdMass.failure.text().contains('[cd] on subtraction: relevant mass') :
        "$builtIns: cd's relevant mass on subtraction is not a failed test case of its own: ${builtInCases.keySet()}"
builtInCases.each { name, c ->
    assert !(name.endsWith("${dot}lrp-all") && !c.failure.isEmpty()) : "$builtIns: lrp-all fails [$name]"
}

// the console: the class's own line counts every test, and nothing is folded into reruns
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("Tests run: 12, Failures: $failed, Errors: 0, Skipped: 0") :
        "the console does not count 12 tests with $failed failures for $builtIns"
assert !log.contains('Run 1: PASS') && !log.contains('SanityTest.null') :
        'surefire folded tests into reruns or named one by a missing method'

// a failure reads in a terminal: its first line as it is, a few lines more with the counterexample in
// one line and where its tables are, and no frame of the engine, which is never the user's code
assert !log.contains('at dev.explainunit.junit.internal.') && !log.contains('at dev.explainunit.checks.') :
        "the engine's frames reached the console"
List<String> cdLines = cdMass.failure.text().readLines().findAll { !it.isBlank() }
assert cdLines.size() <= 8 && cdLines.any { it.contains('report.html') } :
        "$builtIns: cd's relevant mass failure is not short or does not point to the report: ${cdLines.join('\n')}"

// ThrowingExplainerSanityTest: the contract fails with the user's exception as its cause
String throwing = 'com.example.ThrowingExplainerSanityTest'
def (throwingSuite, thrown) = cases(throwing, 2)
String trace = thrown["contract${dot}addition"]?.failure?.text() ?: ''
assert trace.contains('Caused by: java.lang.IllegalStateException: my bug')
assert trace.contains('at com.example.ThrowingExplainer.weights(ThrowingExplainer.java')
assert trace.contains('at com.example.ThrowingExplainer.explain(ThrowingExplainer.java')
assert !trace.contains('at dev.explainunit.') && !trace.contains('at java.util.concurrent.') :
        "$throwing: the engine's frames are in the user's stack trace: $trace"
assert !thrown["relevant mass${dot}addition"].skipped.isEmpty() :
        "$throwing: relevant mass is not skipped after the contract failed"
true
