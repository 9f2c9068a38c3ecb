// Starter activities done together as a group: stories, songs and rhymes, and short peer-led talks.
import { starter, type StarterActivity } from './starter.ts';

const TALK_SAFETY =
  'Babies stay with their parents during the talk. A peer-led talk shares experience, not medical advice: for anything medical, point people to their midwife, health visitor or GP. If someone becomes upset, pause, and make sure a facilitator is free to sit with them.';

export const TOGETHER_ACTIVITIES: readonly StarterActivity[] = [
  starter('board-books', {
    title: 'Sharing a board book',
    kind: 'story',
    ages: [0, 24],
    materials: ['Board books and cloth books with big, clear pictures and faces', 'Cushions or a rug'],
    howTo:
      'Each parent and baby share a book at their own pace. There is no need to read every word or finish it: point, name, make the sounds, and follow what the baby looks at. Babies may chew the book; that is fine with board books.',
    whyItHelps:
      'Stories suit babies from birth: hearing their parent’s voice up close is what matters, not the words. Parents who were not read to themselves often find this an easy way in.',
    safety: 'Take out books with torn pages, loose flaps or peeling laminate.',
  }),
  starter('bookbug', {
    title: 'Bookbug: songs, rhymes and free books',
    kind: 'story',
    ages: [0, 60],
    materials: ['A Bookbug bag or two to show', 'The times of local library Bookbug sessions'],
    howTo:
      'Share a few songs and a short story, then tell parents about Bookbug from the Scottish Book Trust: free song and rhyme sessions in libraries, and free bags of books for babies and young children. Offer to go along to the first library session with anyone who would like company.',
    whyItHelps:
      'Bookbug is free and open to everyone, so it is an easy next step in the community. Going somewhere new with someone familiar builds confidence and connection beyond the group.',
    safety: 'Check the times of local sessions before sharing them.',
  }),
  starter('story-props', {
    title: 'Story with props',
    kind: 'story',
    ages: [12, 48],
    materials: [
      'A favourite picture book',
      'A few props from the story: a soft toy, a fabric square for water, a pan to bang',
    ],
    howTo:
      'Tell the story with the props, and hand them round so children can join in the actions and sounds. Repeat it: toddlers love to know what is coming.',
    whyItHelps:
      'Acting a story out helps toddlers follow it and join in. Repetition lets them predict, and be proud they knew.',
    safety: 'Props go back in a box out of reach when the story ends.',
  }),
  starter('story-of-the-day', {
    title: 'Telling your baby about the day',
    kind: 'story',
    ages: [0, 12],
    materials: ['Nothing needed'],
    howTo:
      'Show parents how to tell their baby a short story about what they have done today: getting up, the bus, coming here. Talk slowly, pause, and wait for the baby’s sounds and looks.',
    whyItHelps:
      'Babies learn language from being talked with, not at. It helps parents who feel awkward talking to a baby find something to say, and can give meaning to an ordinary day.',
    safety: 'No particular hazards; keep the room’s play things checked as usual.',
  }),
  starter('hello-song', {
    title: 'Hello song',
    kind: 'song or rhyme',
    ages: [0, 60],
    materials: ['Nothing needed'],
    howTo:
      'Start the session in a circle with a simple hello song, going round and singing each baby’s name (“Hello Isla, how are you?”). Ask parents first which name they would like sung.',
    whyItHelps:
      'A familiar start helps everyone settle and feel they belong, and hearing their baby welcomed by name is warm for parents. It is a gentle way in for someone new.',
    safety: 'Use only the names parents are happy to share in the room.',
  }),
  starter('action-rhymes', {
    title: 'Lap rhymes and action rhymes',
    kind: 'song or rhyme',
    ages: [3, 36],
    materials: ['Printed words for parents who would like them'],
    howTo:
      'Traditional rhymes with actions: “Row, row, row your boat”, “Round and round the garden”, “This little piggy”, “Humpty Dumpty” with a gentle lap bounce. Do each one a few times, slowly.',
    whyItHelps:
      'Rhymes with touch and rhythm make babies laugh and anticipate what comes next. Parents learn a few they can do anywhere, with no props.',
    safety:
      'Gentle bounces only, with the baby’s head supported until they have good head control. Never shake a baby.',
  }),
  starter('lullabies', {
    title: 'Lullabies from home',
    kind: 'song or rhyme',
    ages: [0, 12],
    materials: ['Nothing needed'],
    howTo:
      'Sing a calm song together, such as “Twinkle, twinkle, little star”. Then invite (never press) parents to share a lullaby they remember from their own childhood, in any language.',
    whyItHelps:
      'Sharing a song from your own family or culture brings something of who you were before the baby into the room: identity and meaning. Calm singing soothes babies and parents alike.',
    safety: 'Let people pass without explanation: some childhood memories are painful.',
  }),
  starter('scots-rhymes', {
    title: 'Scots songs and rhymes',
    kind: 'song or rhyme',
    ages: [0, 60],
    materials: ['Printed words for the songs'],
    howTo:
      'Share traditional Scots rhymes and songs such as “Ally Bally Bee” and “Katie Bairdie”. Ask parents and grandparents for the ones they know.',
    whyItHelps:
      'Local songs connect families with the place they live and with older generations; parents who grew up with them often love passing them on.',
    safety: 'No particular hazards; keep the room’s play things checked as usual.',
  }),
  starter('pots-and-spoons-band', {
    title: 'Pots and spoons band',
    kind: 'song or rhyme',
    ages: [6, 36],
    materials: ['Saucepans and metal bowls', 'Wooden spoons', 'A sealed tin shaker (lid glued and taped)'],
    howTo:
      'Hand out pots and spoons and play along to a simple song. Play loud and quiet, fast and slow, and stop together.',
    whyItHelps:
      'Making noise together is fun and loosens up a quiet room. Stopping together is early listening and turn-taking.',
    safety: 'Check shaker lids every time. Keep the noise at a level the youngest babies are comfortable with.',
  }),
  starter('talk-learning-through-play', {
    title: 'Talk: how babies learn through play',
    kind: 'peer-led talk',
    ages: [0, 24],
    materials: ['A treasure basket or a few objects to show', 'A short handout to take home'],
    howTo:
      'A volunteer or parent who has been through it shares, in ten minutes or so, how babies learn by exploring with their senses, and how little equipment it needs. Then open it up: what has your baby been into this week?',
    whyItHelps:
      'Hearing it from a peer rather than an expert makes it feel doable. Parents swap ideas and notice their own baby’s progress, which builds hope and confidence.',
    safety: TALK_SAFETY,
  }),
  starter('talk-baby-cues', {
    title: 'Talk: what your baby is telling you',
    kind: 'peer-led talk',
    ages: [0, 12],
    materials: ['Nothing needed'],
    howTo:
      'A short, shared talk on how babies communicate before words: looking and looking away, reaching, crying, settling. Parents share what they have learned about their own baby’s signals.',
    whyItHelps:
      'Recognising their baby’s cues helps parents feel they know their baby, which supports attachment and bonding, and they learn from each other that getting it “wrong” sometimes is normal.',
    safety: TALK_SAFETY,
  }),
  starter('talk-pregnancy', {
    title: 'Talk: looking after yourself in pregnancy',
    kind: 'peer-led talk',
    ages: [0, 24],
    materials: ['Local contacts for midwives and support lines', 'A short handout to take home'],
    howTo:
      'A parent who has been pregnant again shares what helped them look after themselves: rest, asking for help, saying how they really feel at appointments. Then open it up for others to share.',
    whyItHelps:
      'Many parents feel low or anxious in pregnancy and think they are the only one. Hearing a peer say it out loud reduces stigma and shows that help is there.',
    safety: `${TALK_SAFETY} Have the signposting list to hand.`,
  }),
  starter('talk-changing-self', {
    title: 'Talk: who am I now?',
    kind: 'peer-led talk',
    ages: [0, 24],
    materials: ['Nothing needed'],
    howTo:
      'A peer shares how becoming a parent changed their sense of themselves, body and mind, and what helped them find their feet. Others share if they want to; nobody has to.',
    whyItHelps:
      'Identity is one of the biggest changes of early parenthood. Talking about it with people who understand builds connection, hope and a sense of self that includes, but is not only, being a parent.',
    safety: TALK_SAFETY,
  }),
  starter('talk-toddler-feelings', {
    title: 'Talk: big feelings in the second year',
    kind: 'peer-led talk',
    ages: [12, 36],
    materials: ['Nothing needed'],
    howTo:
      'A peer shares what tantrums and clinginess were like for them and what helped them stay calm. Swap ideas: naming feelings, staying close, keeping things simple.',
    whyItHelps:
      'Toddlers’ big feelings can leave parents feeling they are failing. Knowing it is a normal stage, and hearing what worked for others, gives parents back a sense of control.',
    safety: TALK_SAFETY,
  }),
];
