// Starter activities for hands-on play: treasure baskets, heuristic play and sensory play.
import { starter, type StarterActivity } from './starter.ts';

const BASKET_HOW =
  'Put the basket on the floor and sit the baby beside it, propped with a cushion if they need it. The parent sits close and watches, saying little: let the baby choose, hold, mouth and drop things in their own time, without handing items over or showing them what to do. Some babies stay with one object for a long time; that is the point.';
const BASKET_WHY =
  'Babies learn through their senses, and choosing for themselves builds concentration. Watching closely helps a parent notice what their baby is interested in, and gives the facilitator a natural moment to say what they see going well between them (connection, and confidence for the parent).';
const BASKET_SAFETY =
  'Use a sturdy, low basket with no broken strands. Wash or wipe items after each session, as they will be mouthed.';

export const PLAY_ACTIVITIES: readonly StarterActivity[] = [
  starter('treasure-basket', {
    title: 'Treasure basket',
    kind: 'treasure basket',
    ages: [5, 10],
    materials: [
      'A sturdy, low, round basket',
      'Wooden spoons and a wooden bowl',
      'A large pine cone',
      'A natural sponge',
      'A metal whisk and a metal tea strainer',
      'A small soft-bristle brush',
      'Squares of fabric (velvet, wool, cotton)',
      'Large shells with smooth edges',
    ],
    howTo: `For babies who can sit but are not crawling yet. Fill the basket with a good mix of natural and household objects (wood, metal, fabric, natural materials; no plastic): the original idea is plenty of choice, up to 80–100 things. ${BASKET_HOW}`,
    whyItHelps: BASKET_WHY,
    safety: BASKET_SAFETY,
  }),
  starter('treasure-basket-wood', {
    title: 'Treasure basket: all wood',
    kind: 'treasure basket',
    ages: [5, 10],
    materials: [
      'A low basket',
      'Wooden spoons of different sizes',
      'A wooden honey dipper',
      'Large wooden curtain rings (wider than a toilet-roll tube, metal fittings removed)',
      'A wooden egg cup and a small wooden bowl',
      'A wooden nail brush',
    ],
    howTo: `A basket of one material lets babies compare weight, grain and sound. ${BASKET_HOW}`,
    whyItHelps: `${BASKET_WHY} Parents often notice how differently their baby treats two spoons of different sizes.`,
    safety: `${BASKET_SAFETY} Run a hand over every wooden item for splinters and rough edges.`,
  }),
  starter('treasure-basket-metal', {
    title: 'Treasure basket: metal and shine',
    kind: 'treasure basket',
    ages: [5, 10],
    materials: [
      'A low basket',
      'Metal spoons and a small metal whisk',
      'A metal tea strainer',
      'A small tin with smooth, rolled edges',
      'A metal jelly mould or small pan lid',
      'A large metal bangle (wider than a toilet-roll tube)',
    ],
    howTo: `Metal is cool to touch and makes satisfying noises. Expect banging. ${BASKET_HOW}`,
    whyItHelps: `${BASKET_WHY} Babies find out that what they do makes something happen: an early taste of being able to act on the world.`,
    safety: `${BASKET_SAFETY} Feel every rim and join for sharp edges; take out anything dented.`,
  }),
  starter('treasure-basket-fabric', {
    title: 'Treasure basket: fabrics and textures',
    kind: 'treasure basket',
    ages: [5, 10],
    materials: [
      'A low basket',
      'Fabric squares about 30 cm across: velvet, silk, corduroy, wool, hessian',
      'A piece of sheepskin',
      'A loofah',
      'A large knitted ball',
      'A small leather purse, empty, with any strap cut off',
    ],
    howTo: `Soft, rough, smooth and warm: a quieter basket, good when the room is busy. ${BASKET_HOW}`,
    whyItHelps: BASKET_WHY,
    safety: `${BASKET_SAFETY} Fabric squares only, never long scarves; trim loose threads and check knitting for loose loops.`,
  }),
  starter('treasure-basket-nature', {
    title: 'Treasure basket: from outdoors',
    kind: 'treasure basket',
    ages: [5, 10],
    materials: [
      'A low basket',
      'Large pine cones',
      'Large smooth pebbles, bigger than a baby’s fist',
      'A large shell with smooth edges',
      'A whole lemon (a fresh one each session)',
      'A natural sponge',
      'A piece of bark with no loose pieces',
    ],
    howTo: `Collect things on a walk, perhaps with the parents. Wash and dry them first. ${BASKET_HOW}`,
    whyItHelps: `${BASKET_WHY} Collecting together gives parents an easy, free thing to do with their baby outside the group.`,
    safety: `${BASKET_SAFETY} Nothing from the ground that could be dirty or poisonous (no berries, seeds or fungi); check pine cones for loose scales.`,
  }),
  starter('treasure-basket-kitchen', {
    title: 'Treasure basket: from your kitchen',
    kind: 'treasure basket',
    ages: [5, 10],
    materials: [
      'A shoebox lid or washing-up bowl as a basket',
      'Wooden spoon, metal spoon, whisk',
      'A clean pastry brush with natural bristles',
      'A metal egg cup and a large jar lid with smooth edges',
      'A printed list of ideas for parents to take home',
    ],
    howTo: `Show parents how much of a treasure basket is already in their kitchen drawers, then let the babies explore it. ${BASKET_HOW} Afterwards, each parent picks three things to try at home.`,
    whyItHelps: `${BASKET_WHY} Parents leave knowing they can do this with nothing bought: play does not need expensive toys.`,
    safety: `${BASKET_SAFETY} Tug every brush for loose bristles. Go through the take-home list together, including the toilet-roll tube test.`,
  }),
  starter('treasure-basket-sound', {
    title: 'Treasure basket: sounds',
    kind: 'treasure basket',
    ages: [5, 10],
    materials: [
      'A low basket',
      'Two metal pan lids',
      'A wooden spoon',
      'A sealed tin with dried rice inside, lid glued and taped shut',
      'A wooden rattle in one piece',
      'A crinkly clean paper bag',
    ],
    howTo: `Things that ring, rattle, crinkle and clang. ${BASKET_HOW} The parent can copy the baby’s sounds back, like a conversation.`,
    whyItHelps: `${BASKET_WHY} Copying a baby’s sounds back is the start of turn-taking and talk.`,
    safety: `${BASKET_SAFETY} Check the sealed tin every time: if the lid gives at all, throw it away.`,
  }),
  starter('heuristic-play', {
    title: 'Heuristic play: containers and things to put in them',
    kind: 'heuristic play',
    ages: [12, 24],
    materials: [
      'Large tins with smooth rims, and their lids',
      'Kitchen-roll and wrapping-paper tubes',
      'Large wooden curtain rings (wider than a toilet-roll tube)',
      'Metal bowls and saucepans',
      'Large pine cones',
      'Drawstring bags to store each set (for adults only)',
    ],
    howTo:
      'For toddlers in their second year. Before the children come in, lay out several sets of many similar objects with plenty of containers, spread well apart. Toddlers fill, empty, post, stack and carry; adults sit around the edge and watch, not direct. At the end, everyone helps to tidy each set back into its bag.',
    whyItHelps:
      'Toddlers find out for themselves what objects do: what fits, what rolls, what falls. There is no right way, so no failing. Tidying up together is a shared, calm ending, and parents see how long their child can concentrate when left to explore.',
    safety:
      'Drawstring bags are for storage only: put them away out of reach before play starts. With several toddlers, spread the sets out so nobody is trampled.',
  }),
  starter('heuristic-filling-emptying', {
    title: 'Filling and emptying',
    kind: 'heuristic play',
    ages: [12, 24],
    materials: [
      'Buckets, baskets and large tins',
      'Large wooden balls or knitted balls (bigger than a toilet-roll tube)',
      'Fabric squares',
      'Large pine cones',
    ],
    howTo:
      'Put out plenty of containers and plenty of things to go in them. Toddlers will fill, tip out and fill again. Parents can name what is happening (“in”, “out”, “all gone”) without taking over.',
    whyItHelps:
      'Filling and emptying is how toddlers explore in, out, full and empty: early maths, and early words when a parent puts words to it.',
    safety: 'Containers light enough that a toddler is not hurt if one tips onto them.',
  }),
  starter('heuristic-posting', {
    title: 'Posting box',
    kind: 'heuristic play',
    ages: [10, 24],
    materials: [
      'A sturdy cardboard box with a slot and a round hole cut in the lid',
      'Large jar lids with smooth edges or wooden discs (wider than a toilet-roll tube)',
      'Large wooden balls (bigger than a toilet-roll tube)',
    ],
    howTo:
      'Cut the holes just big enough for the objects, which must themselves be too big to fit through a toilet-roll tube. Toddlers post things in, open the lid and find them again.',
    whyItHelps:
      'Posting takes aim and patience, and finding things again shows that they still exist when out of sight. Toddlers are proud of the “I did it!” moment, and parents get to share it.',
    safety: 'Tape over any staples in the box. If the box starts to come apart, make a new one.',
  }),
  starter('heuristic-stacking', {
    title: 'Stacking and knocking down',
    kind: 'heuristic play',
    ages: [10, 36],
    materials: ['Empty cardboard boxes of different sizes', 'Large tins with smooth rims', 'Nesting metal bowls'],
    howTo:
      'Build a tower with the children, or let them build, and let them knock it down as often as they like. Older children can try stacking by size.',
    whyItHelps:
      'Knocking things down is funny, and it teaches cause and effect. Building back up together is a shared game that can be played at home with the recycling.',
    safety: 'Use light things: nothing heavy enough to hurt when a tower falls on a child.',
  }),
  starter('heuristic-ramps', {
    title: 'Ramps and rolling',
    kind: 'heuristic play',
    ages: [10, 36],
    materials: [
      'Long cardboard tubes or a short length of plastic guttering',
      'Balls bigger than a toilet-roll tube',
      'Cushions to prop the ramp',
    ],
    howTo:
      'Prop one end of the ramp on a cushion and roll balls down it. Let the children change the slope, race two balls, or send things through the tubes.',
    whyItHelps:
      'Children test ideas (“what if it is steeper?”) and see the answer straight away. Parents and children can take turns.',
    safety: 'Keep ramps low and on the floor; cut guttering ends smooth or cover them with tape.',
  }),
  starter('tummy-time-textures', {
    title: 'Tummy time on textures',
    kind: 'sensory play',
    ages: [0, 6],
    materials: ['A soft play mat or blanket', 'Fabric squares of different textures', 'An unbreakable baby mirror'],
    howTo:
      'While the baby is awake, lay them on their tummy on the mat for short spells, with the parent down at eye level. Put a fabric square or the mirror just in front of them. Stop when the baby has had enough.',
    whyItHelps:
      'Tummy time strengthens neck, shoulders and back. Getting down on the floor face to face is a lovely moment of connection, and parents can share how their babies each cope with it.',
    safety: 'Tummy time only while awake and watched; babies always sleep on their backs.',
  }),
  starter('floating-fabric', {
    title: 'Floating fabric and peekaboo',
    kind: 'sensory play',
    ages: [0, 12],
    materials: ['Squares of light fabric such as chiffon, about 50 cm across'],
    howTo:
      'Waft a square slowly above the baby so they can watch it float and feel the air move. For older babies, play peekaboo: hide your own face behind the fabric, then reappear.',
    whyItHelps:
      'Following the fabric trains a baby’s eyes; peekaboo builds the delight of things (and people) coming back, which is part of feeling secure with their parent.',
    safety: 'Never leave fabric over a baby’s face: lift it straight away. Squares only, never long scarves.',
  }),
  starter('sensory-bottles', {
    title: 'Sensory bottles',
    kind: 'sensory play',
    ages: [3, 18],
    materials: [
      'Small clear bottles with screw lids, glued and taped shut',
      'Fillings: dried rice, dried lentils, water with a few drops of food colouring',
    ],
    howTo:
      'Make the bottles before the session. Babies roll, shake and watch them; younger babies can watch a parent tip one slowly.',
    whyItHelps: 'Something to look at, listen to and chase, and an easy thing for parents to make at home.',
    safety:
      'Check every seal before each session; throw away any bottle that leaks, cracks or whose lid moves. Dried beans and lentils are choking hazards if one escapes.',
  }),
  starter('mirror-play', {
    title: 'Mirror faces',
    kind: 'sensory play',
    ages: [0, 12],
    materials: ['An unbreakable baby-safe mirror'],
    howTo:
      'Parent and baby look into the mirror together. The parent makes faces, smiles, names body parts (“there’s your nose”) and waits for the baby to respond.',
    whyItHelps:
      'Babies love faces, especially their parent’s. Waiting for the baby’s response is practice in reading their cues, and a chance for the facilitator to point out a lovely moment.',
    safety: 'Only mirrors made for babies: no glass.',
  }),
  starter('bubbles', {
    title: 'Bubbles',
    kind: 'sensory play',
    ages: [3, 24],
    materials: ['A bubble mixture and wand, kept by an adult', 'A towel for the floor'],
    howTo:
      'An adult blows bubbles slowly above and in front of the babies. Younger babies watch them drift; older ones reach and pop. Count down “ready, steady…” and wait for the baby to look before blowing.',
    whyItHelps:
      'The pause before “go” lets a baby join in and ask for more with a look or a sound: early communication, and a lot of shared smiles.',
    safety: 'Keep the bubble mixture out of babies’ reach and mouths. Wipe the floor after: bubbles make it slippery.',
  }),
  starter('messy-food-play', {
    title: 'Messy play with food',
    kind: 'sensory play',
    ages: [6, 24],
    materials: [
      'A tray or shallow dish per baby',
      'Cold cooked pasta, plain yoghurt or mashed banana',
      'Wipes and towels',
    ],
    howTo:
      'Put a little food on each tray and let babies squish, smear and taste. Parents can join in and name the feelings: squishy, cold, slippery.',
    whyItHelps:
      'It is fine to make a mess here, which some parents find a relief. Exploring food with hands can help with weaning.',
    safety:
      'Ask every parent about allergies before the session and use only foods each baby already eats. Babies sit upright and are watched while there is food about.',
  }),
  starter('water-play', {
    title: 'Water play',
    kind: 'sensory play',
    ages: [6, 36],
    materials: ['A shallow tray of warm water', 'Cups, a small jug and a sponge', 'Towels'],
    howTo:
      'Babies sit by the tray and splash, pour and squeeze with a parent beside them. Test the water with your elbow first.',
    whyItHelps: 'Pouring and splashing is calming for many children and easy to repeat at bath time.',
    safety:
      'A baby can drown in a few centimetres of water: never step away, and empty the tray straight after. Test the temperature first.',
  }),
];
