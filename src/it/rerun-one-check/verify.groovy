// The second build reran BuiltInsSanityTest#*correlation*: surefire ran exactly the four correlation
// checks, and the report holds them beside the first build's other checks, with a note saying so.
String dot = ' \u00b7 '
File xml = new File(basedir, 'target/surefire-reports/TEST-com.example.BuiltInsSanityTest.xml')
assert xml.isFile() : "missing: $xml"
def suite = new groovy.xml.XmlSlurper().parse(xml)
List<String> names = suite.testcase.collect { it.@name.text() }
assert names.sort() == ["ground-truth correlation${dot}addition${dot}cd", "ground-truth correlation${dot}addition${dot}lrp-all",
        "ground-truth correlation${dot}subtraction${dot}cd", "ground-truth correlation${dot}subtraction${dot}lrp-all"]*.toString().sort() :
        "the rerun ran other tests than the correlation checks: $names"

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/explainunit/report.json'))
List<String> keys = report.checks.collect { "${it.explainer}/${it.task}/${it.check}".toString() }
assert keys.size() == 13 && keys.containsAll(['gradient-x-input/addition/contract', 'cd/subtraction/relevant-mass',
        'lrp-all/addition/ground-truth-correlation']) : "the rerun did not keep the first build's checks: $keys"
assert report.notes.any { it.startsWith('Rerun of 4 checks on ') } : "no note of the rerun: ${report.notes}"
String html = new File(basedir, 'target/explainunit/report.html').getText('UTF-8')
assert html.contains('Rerun of 4 checks on ') && html.contains("gradient-x-input${dot}addition${dot}contract")
true
