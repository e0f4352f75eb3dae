package lint

import "strings"

// The lint's small built-in lexicon. It is not a dictionary: it holds the
// words an OCR repair is allowed to produce (a "01" is only called "of"
// because "of" is here) and the closed classes of English that context
// rules need. Common words follow the frequency lists of the Brown corpus
// (Kučera and Francis, 1967), where the scanned documents' register lies.

// functionWords are closed-class words: articles, pronouns, prepositions,
// conjunctions, auxiliaries. Such a word is never a name, so capitalised in
// mid-sentence it is an error or a lost full stop.
var functionWords = wordSet(`
a an the this that these those
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
who whom whose which what
of to in for on with at by from into onto upon about against between through during before after
above below under over among amongst towards toward without within along across behind beyond
and or nor but yet so because although though while whereas if unless since than as
is are was were be been being am has have had do does did will would shall should can could may might must
not no`)

// objectPronouns cannot open a clause: a colon or semicolon right before one
// is stray ("means to: us").
var objectPronouns = wordSet(`me us him them`) // not "her", also a possessive ("by land; her officers")

// clauseFinalNever are words a clause cannot end on, so a colon or
// semicolon right after one is stray ("revisionists but: to carry").
// Prepositions can end a clause ("the commodity you were tired of;", "put
// an end to;"), as can auxiliaries ("the answer is:") and "her" the
// pronoun ("an overmatch for her;"), and are not here.
var clauseFinalNever = wordSet(`
a an the and or nor but my our your his its their very most`)

// determinersAndFunction are words that may follow "not" or "and" but never
// the adjective "hot" or "arid": "the real and hot the false".
var determinersAndFunction = wordSet(`
the a an only be been yet even his her its their our your my any all
to of in on with is are was were we they he she it that this not by for so then also
those these who which`)

// clauseStarters may open a clause after a semicolon or colon.
var clauseStarters = wordSet(`
a an the this that these those i we you he she it they there here
and or but yet so nor for because although though while whereas if unless when where whether
no not none nothing one some all each every both either neither any many much few
what which who how why
it's let as in on at by from to with of after before since until under over through against
however therefore thus hence moreover furthermore nevertheless indeed then also still now
firstly secondly thirdly finally`)

// commonWords are frequent English words: the words an OCR repair may
// produce, and whose presence marks a look-alike as the likelier reading.
var commonWords = wordSet(`
a able about above abroad accept according account across act action activity actually add address
affairs after again against age ago agree aid aim air all allow almost alone along already also
although always am among amount an and another answer any anyone anything appear apply approach
are area argue arm army around arrive art as ask at attack attempt attention away back bad bank
base battle be bear beat because become been before began begin behind being believe below best
better between beyond big bill bit black blood board body book born both bottom break bring
brother brought build burn business but buy by call came camp can cannot capital car care carry
case cause centre center century certain chance change character charge child children choice
church city claim class clear close cold come comes coming common company concern condition
consider continue control corner cost could country course court cover create crime cross cry
current cut dark day dead deal death decide deep defeat defense defence democracy deny did
die different difficult direct do does done door down draw dream drive during each early earth
east easy eat economic edge effect effort eight either else end enemy enough enter even
evening event ever every everyone everything evil example exist expect experience eye face fact
fail fall family far fast father fear feel few field fight figure fill final find fine fire
first five follow food foot for force foreign form former forward four free friend from front
full further future game gave general get girl give given go god going gone good government
great ground group grow had half hand happen hard has have he head hear heart held help her
here high him himself his history hold home hope horn hot hour house how however human hundred
idea if important in increase indeed interest internal international into is issue it its itself
job join just keep kind knew know labor labour land large last late later law lay lead learn
least leave left less let letter level lie life light like line list little live long look lose
lost lot love low made main major make man many mark market matter may me mean member men might
mind minister miss modern moment money month more morning most mother move much must my name
nation national nature near need never new news next night nine no none nor north not note
nothing now number of off offer office often oil old on once one only open or order other
others our out over own page paper part party pass past pay peace people per perhaps period
person place plan play point police policy political poor position possible power present
president press pretty problem process produce program public pull purpose put question quite
race raise rather reach read ready real reason receive record red remain report rest result
return right rise road role room rule run said same saw say school sea second see seem seen
sell send sense serve service set seven several shall she short should show side since six
small so social society some someone something soon south speak special stand start state
stay step still stop story street strong student study such sure system table take talk
task tell ten term than that the their them then there these they thing think this those
though thought thousand three through time to today together told too took toward towards
town trade true truth try turn turned turning turns two under understand union until up upon
us use used very view voice wait walk wall want war warm was watch water way we week well
went were west what when where whether which while white who whole whose why wide will
with within without woman women word words work worker workers world would write wrong
year yes yet you young your`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
