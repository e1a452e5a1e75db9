// Generated once from the files' bytes (sha256sum); edit by hand when a pinned source changes.
import type { Resource } from './manifest-types';

/** Every third-party file ifkit uses: where it officially comes from, its licence, and its checksum. */
export const MANIFEST: readonly Resource[] = [
  {
    id: "ifeval-prompts",
    title: "IFEval prompts (541)",
    licence: "Apache-2.0",
    homepage: "https://github.com/google-research/google-research/tree/master/instruction_following_eval",
    source: {
      kind: "files",
      baseUrl: "https://raw.githubusercontent.com/google-research/google-research/26d8ccdab6fec61b5c83ad6327ea8bda9e580288/instruction_following_eval/"
    },
    files: [
      {path: "ifeval/input_data.jsonl", sha256: "67ffeee0fcb87c317c5b08a2de85557b4a7e96ada6178aa645b4954fe4b53d49", bytes: 207111, remote: "data/input_data.jsonl"},
    ],
  },
  {
    id: "ifeval-gpt4",
    title: "IFEval GPT-4 inputs and responses (2023-11-07)",
    licence: "Apache-2.0 (code and prompts); the responses are GPT-4 outputs, OpenAI terms may apply",
    homepage: "https://github.com/google-research/google-research/tree/master/instruction_following_eval",
    source: {
      kind: "files",
      baseUrl: "https://raw.githubusercontent.com/google-research/google-research/master/instruction_following_eval/"
    },
    files: [
      {path: "ifeval/input_data_gpt4_20231107_145030.jsonl", sha256: "86ea91641ee9e6b891330f3f019e82c481abddbdea5945106df1dfe59757fbc2", bytes: 207112, remote: "data/input_data_gpt4_20231107_145030.jsonl"},
      {path: "ifeval/input_response_data_gpt4_20231107_145030.jsonl", sha256: "0cff1d1469b774e80296bee20ca696894df35f3c6d6539f2c886d67c07599dcb", bytes: 830335, remote: "data/input_response_data_gpt4_20231107_145030.jsonl"},
    ],
  },
  {
    id: "ifbench",
    title: "IFBench test prompts (300) and sample responses",
    licence: "ODC-BY-1.0 (data), Apache-2.0 (code); sample responses come from a third-party model",
    homepage: "https://github.com/allenai/IFBench",
    source: {
      kind: "files",
      baseUrl: "https://raw.githubusercontent.com/allenai/IFBench/db69a6f05689830b0068b8f1529ebcfd2f3b164c/"
    },
    files: [
      {path: "ifbench/IFBench_test.jsonl", sha256: "a2bf7b8e7ed11d39c65b4ec781da8b99663ed0121f97033d70fcecb61f8a9d85", bytes: 421502, remote: "data/IFBench_test.jsonl"},
      {path: "ifbench/sample_output.jsonl", sha256: "a784024a2d40f96ced8107a95a3c2689d5e5e7c56c9eb3df6cede5574199d4c6", bytes: 624411, remote: "data/sample_output.jsonl"},
    ],
  },
  {
    id: "nltk-punkt",
    title: "NLTK Punkt English sentence model (punkt_tab)",
    licence: "no explicit licence (nltk_data); trained by Kiss & Strunk on the Penn Treebank WSJ",
    homepage: "https://github.com/nltk/nltk_data",
    source: {
      kind: "zip",
      url: "https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/tokenizers/punkt_tab.zip"
    },
    note: "Checksums are of the English files as exported for NLTK 3.9 in the offline mirror; if the official archive lays them out differently, the downloader says so and uses the mirror.",
    files: [
      {path: "nltk/tokenizers/punkt_tab/english/abbrev_types.txt", sha256: "c7baa3c333ea86629a32400663db8cfcc5c6d61a37107ddeac60111b550806cd", bytes: 620, remote: "punkt_tab/english/abbrev_types.txt"},
      {path: "nltk/tokenizers/punkt_tab/english/collocations.tab", sha256: "ba850bde20b6d640723a51f3e747f0f4f19c98938f1d67d2692a5595c2cc48e3", bytes: 595, remote: "punkt_tab/english/collocations.tab"},
      {path: "nltk/tokenizers/punkt_tab/english/ortho_context.tab", sha256: "b907db07477c8d682c83331ad38b56178e77120c4ff55bb799bf43044e75d305", bytes: 236304, remote: "punkt_tab/english/ortho_context.tab"},
      {path: "nltk/tokenizers/punkt_tab/english/sent_starters.txt", sha256: "9288e8cdec3ce0026b82851a145d0b5c3cfbbe64e1ea6dfa0c41d55f2e53c858", bytes: 242, remote: "punkt_tab/english/sent_starters.txt"},
    ],
  },
  {
    id: "nltk-tagger",
    title: "NLTK averaged perceptron POS tagger (English)",
    licence: "no explicit licence (nltk_data)",
    homepage: "https://github.com/nltk/nltk_data",
    source: {
      kind: "zip",
      url: "https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/taggers/averaged_perceptron_tagger_eng.zip"
    },
    note: "Checksums are of the mirror export (same parameters as the NLTK 3.8 pickle); see nltk-punkt.",
    files: [
      {path: "nltk/taggers/averaged_perceptron_tagger_eng/averaged_perceptron_tagger_eng.classes.json", sha256: "7a87ba804751f4719b2d8e0e7693955761c579526b20a1b68ffc365b412e7f10", bytes: 285, remote: "averaged_perceptron_tagger_eng/averaged_perceptron_tagger_eng.classes.json"},
      {path: "nltk/taggers/averaged_perceptron_tagger_eng/averaged_perceptron_tagger_eng.tagdict.json", sha256: "4c713731cb06727736962bc8cd94ad919217a040e76691059af99bc0c2c9c246", bytes: 25788, remote: "averaged_perceptron_tagger_eng/averaged_perceptron_tagger_eng.tagdict.json"},
      {path: "nltk/taggers/averaged_perceptron_tagger_eng/averaged_perceptron_tagger_eng.weights.json", sha256: "789e8e35f6fac656d9b7eccea29ba4e8a137cbb5b525dd31f39e4291a9e80832", bytes: 5677744, remote: "averaged_perceptron_tagger_eng/averaged_perceptron_tagger_eng.weights.json"},
    ],
  },
  {
    id: "nltk-stopwords",
    title: "NLTK English stopwords (198 words)",
    licence: "Snowball stopword lists (BSD)",
    homepage: "https://github.com/nltk/nltk_data",
    source: {
      kind: "zip",
      url: "https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/stopwords.zip"
    },
    files: [
      {path: "nltk/corpora/stopwords/english", sha256: "f6d005956f407dbc6ea32e5ff0c7e8e6f71488d3239b9023efdc7fc139d6375b", bytes: 1048, remote: "stopwords/english"},
    ],
  },
  {
    id: "langdetect",
    title: "langdetect 1.0.9 language profiles (55) and normalisation tables",
    licence: "Apache-2.0",
    homepage: "https://github.com/Mimino666/langdetect",
    source: {
      kind: "files",
      baseUrl: "https://raw.githubusercontent.com/Mimino666/langdetect/master/langdetect/"
    },
    files: [
      {path: "langdetect/messages.properties", sha256: "0b21c8d7329e50acf3ddcb3906fa412cdc0f7dab6b44905a27716dfe086ef5ec", bytes: 43334, remote: "utils/messages.properties"},
      {path: "langdetect/profiles/af", sha256: "47f2a164f29db022c23ac92cb23e5edc0858a0ed5cda361a6320333ffc2ca0e7", bytes: 21532, remote: "profiles/af"},
      {path: "langdetect/profiles/ar", sha256: "f83b92d67a7f8afa6878901896692e966e88247bf2f78b4175c8c821c51c724a", bytes: 35182, remote: "profiles/ar"},
      {path: "langdetect/profiles/bg", sha256: "b230a31f60e8072d7014095d414ac04e5e7be6d8f536110ef5354ad5f4f1111a", bytes: 33520, remote: "profiles/bg"},
      {path: "langdetect/profiles/bn", sha256: "5d1d54f78055e59bfb33208a5e6e98a95242f74a899514379f5b936fdd6af229", bytes: 40800, remote: "profiles/bn"},
      {path: "langdetect/profiles/ca", sha256: "bb77179dddf169028c739efb679fec94072ceb236cbc4e2fc9762a8fef10a86c", bytes: 69365, remote: "profiles/ca"},
      {path: "langdetect/profiles/cs", sha256: "c86ea4168cfb30d1fa6a09892ecf23f07a5b36ce2bb66cab29b5e8cad0c4db41", bytes: 33176, remote: "profiles/cs"},
      {path: "langdetect/profiles/cy", sha256: "a826a2699b146b80009426c09714f5ee8a6d5ea9a6b3b91f21b3e5c117d348c3", bytes: 55195, remote: "profiles/cy"},
      {path: "langdetect/profiles/da", sha256: "c6559daf8f325aeb6c0078512d49303db78eeb5081858b06cbf1a5bbe1517924", bytes: 25478, remote: "profiles/da"},
      {path: "langdetect/profiles/de", sha256: "9b9cfe1686c4ce3a487b9845a16cbd1c31fbefdf768434b95854c350fb1c72aa", bytes: 27502, remote: "profiles/de"},
      {path: "langdetect/profiles/el", sha256: "82f2281acf5e77708238a68a2c7b14ed6d864fb261b59c9e6e1a3fcbc20a3000", bytes: 35031, remote: "profiles/el"},
      {path: "langdetect/profiles/en", sha256: "857dccae51493923ddfdcddbf757175dc03d7ccab512b9bd21c5bd8191016ba4", bytes: 28154, remote: "profiles/en"},
      {path: "langdetect/profiles/es", sha256: "1735a22b08a7948feb01dfce6b7e5c34bc008d5f687b40ab77467adf8f7a667f", bytes: 25211, remote: "profiles/es"},
      {path: "langdetect/profiles/et", sha256: "90ea8b331b50214cd09763d0822d9b3d2ef30c93071bce7795675e4ecf9c3ee2", bytes: 70548, remote: "profiles/et"},
      {path: "langdetect/profiles/fa", sha256: "57f49cb1b20ec1dc7220820fdb9582e1bfcda67a62c926cad0bc0122782f270d", bytes: 28603, remote: "profiles/fa"},
      {path: "langdetect/profiles/fi", sha256: "929d2a603e238a40934e3bdbc47cbb7e41bac785cd7d24fdb35a0d674fd6505e", bytes: 25539, remote: "profiles/fi"},
      {path: "langdetect/profiles/fr", sha256: "64fb165f4c54b29f608aadc6262ad08ba6ac09c8ff82272258891c1f7785c102", bytes: 26303, remote: "profiles/fr"},
      {path: "langdetect/profiles/gu", sha256: "5fa6fe6728944eecd480d912592af63593ddea4ab9ab81044cde05fe7ca97cfb", bytes: 21484, remote: "profiles/gu"},
      {path: "langdetect/profiles/he", sha256: "c42f0fe8348cc13f243d987b5da983045a4f9009c2d8844be612f5bf87523045", bytes: 36134, remote: "profiles/he"},
      {path: "langdetect/profiles/hi", sha256: "c78d62a31d8f8f85245a35f54a28ddbffaee7c32c625b2d6044df95fab624ac8", bytes: 35727, remote: "profiles/hi"},
      {path: "langdetect/profiles/hr", sha256: "b239fb6c8b202629737e8d34a38b077c6b66a495be2e7a073aebaec39c82d692", bytes: 25807, remote: "profiles/hr"},
      {path: "langdetect/profiles/hu", sha256: "941d200eaa81ccb4e3d7ae3c92da4cef2d474ce04d9f8dc68205b4f7001ce032", bytes: 31466, remote: "profiles/hu"},
      {path: "langdetect/profiles/id", sha256: "6dade69d3d7187b4cf6463d793f39fa6c3879c308570f90531f1da6a33655204", bytes: 21559, remote: "profiles/id"},
      {path: "langdetect/profiles/it", sha256: "ef107d808c0f99b43a37a6a8a7bc42d51a36a4ea133a2224229ded5e097c8c77", bytes: 22799, remote: "profiles/it"},
      {path: "langdetect/profiles/ja", sha256: "0a8cca8eb3a1d8e70f3493d4749618adbe5189549d03bf8196f1a14f2453eb50", bytes: 25792, remote: "profiles/ja"},
      {path: "langdetect/profiles/kn", sha256: "a04d53a8d8286a3e2cc43d71ffa313fc6687893cdc5f01891cc2e23aeebe4a03", bytes: 39903, remote: "profiles/kn"},
      {path: "langdetect/profiles/ko", sha256: "75ab62622c73d589bd03491d913bef42de2d934091bf9dbe033e1d40217d6dee", bytes: 307193, remote: "profiles/ko"},
      {path: "langdetect/profiles/lt", sha256: "4c36959f1c98c4d4e608d02fb425bad2c6b84d831a552816d7080d61f72d41f3", bytes: 67770, remote: "profiles/lt"},
      {path: "langdetect/profiles/lv", sha256: "b51f11b8d1bd8d6324e340d4a0817f892a7fec314a3ef2b994581aae2b4d3226", bytes: 74760, remote: "profiles/lv"},
      {path: "langdetect/profiles/mk", sha256: "9ea3cd8c6b8130fd426e9619e39fef5ae444761d9a91d5e4234dc217ea951a1b", bytes: 30026, remote: "profiles/mk"},
      {path: "langdetect/profiles/ml", sha256: "7ff3d7f13482c744e6f4fa97c879af74ae38fbd7c526e9f2764d51ce0efb1546", bytes: 39692, remote: "profiles/ml"},
      {path: "langdetect/profiles/mr", sha256: "2dd075e28d7ffa544c388b807a842b73d5f2c4293128754f8887480e0234c550", bytes: 36522, remote: "profiles/mr"},
      {path: "langdetect/profiles/ne", sha256: "2f4349f1e3ba9262af66bb187f4a8c676a40d1d376a6b4cb4b5c078789042cb7", bytes: 33856, remote: "profiles/ne"},
      {path: "langdetect/profiles/nl", sha256: "b650ed6b63a8e255fdc88ee80093131819894f38e52a69b82f7b7a5cf2e733bf", bytes: 25049, remote: "profiles/nl"},
      {path: "langdetect/profiles/no", sha256: "476bb996e7d1e20afe5e8f60f2f161cdd70cc8c013d5302e676c19357e2fef0e", bytes: 25502, remote: "profiles/no"},
      {path: "langdetect/profiles/pa", sha256: "0eb753ce80999faa6c3f72aaf2f8a6e83750df051f800298407aaea9df55dcfc", bytes: 29336, remote: "profiles/pa"},
      {path: "langdetect/profiles/pl", sha256: "7b3dec394064131d2314c8e53a472d00812ca98a63229e8c1e1ac23928e823f1", bytes: 30392, remote: "profiles/pl"},
      {path: "langdetect/profiles/pt", sha256: "8d512db59512a9c3e3982b1d720ab203915440e0609fb76524e188e32f39bfe9", bytes: 25054, remote: "profiles/pt"},
      {path: "langdetect/profiles/ro", sha256: "a9cc86d880176dc1208f5b08f33881697f1c9bf8896613f7fa6420f94e3ccb51", bytes: 62779, remote: "profiles/ro"},
      {path: "langdetect/profiles/ru", sha256: "41eb3d39c12e902250dac83dd70671119cd15c82929bf72fbf9da7d9c19a435f", bytes: 37609, remote: "profiles/ru"},
      {path: "langdetect/profiles/sk", sha256: "9e19b7f669a2a2b5e5b3960b6352a233ada98a742efd0885626eb85e7c6ef66e", bytes: 30756, remote: "profiles/sk"},
      {path: "langdetect/profiles/sl", sha256: "64e7d77a53f4370bef2151373ece9f4a61179dd30d0c573d5f8d000ea4f5853a", bytes: 64837, remote: "profiles/sl"},
      {path: "langdetect/profiles/so", sha256: "ac1e6e701faedb4ed92c27bf07f84ab418e7ba08b9482c15a72c8a8d27c8faee", bytes: 16786, remote: "profiles/so"},
      {path: "langdetect/profiles/sq", sha256: "a5c865b8da137801508b1b83a46b14ae7827ad934b06013b9d951d39359f828e", bytes: 23469, remote: "profiles/sq"},
      {path: "langdetect/profiles/sv", sha256: "03c379d06e1bd7225c94111282908e1d3aff236debbf7e16bb561a38231bb1e5", bytes: 27347, remote: "profiles/sv"},
      {path: "langdetect/profiles/sw", sha256: "742d6fc04b84731e0e83a56d64a150bbb4c7adbac30032974d14a53eb6e0bc75", bytes: 17714, remote: "profiles/sw"},
      {path: "langdetect/profiles/ta", sha256: "2f7c24c0fa23ecfc90dfd3b8ed3ae4236dc139a82a36f73c93079118b6eeffcb", bytes: 33182, remote: "profiles/ta"},
      {path: "langdetect/profiles/te", sha256: "c025d74e08af4a52413dec40add085950c7e602b1aa99e539b7751709a1cecf5", bytes: 39696, remote: "profiles/te"},
      {path: "langdetect/profiles/th", sha256: "8a2b42b7c4d398718c4fcee8c2d34a476dda2acac9bb9583bd30f508abe57647", bytes: 51598, remote: "profiles/th"},
      {path: "langdetect/profiles/tl", sha256: "a93ee90b0f35fd14c35050cdd98d9ec5dfc03fcb0553937e09ad9380060806cd", bytes: 19009, remote: "profiles/tl"},
      {path: "langdetect/profiles/tr", sha256: "218f3328b20e359f31f5d40bff3c0e80876fa1ef48fea881245ee4ce1025b8d6", bytes: 28752, remote: "profiles/tr"},
      {path: "langdetect/profiles/uk", sha256: "ca9858ae860d6c35900f37b246cfe23fc1d2cd50af5d544ae73397693f0d782e", bytes: 33663, remote: "profiles/uk"},
      {path: "langdetect/profiles/ur", sha256: "31a1fc80209b35b7564b9013805e7220c60bae6a0c96cb3e465497103eba78ac", bytes: 28532, remote: "profiles/ur"},
      {path: "langdetect/profiles/vi", sha256: "5374f337f60a2804e33c7117ccd9e76ef7d7296c0113ba3f612f112928df2990", bytes: 67736, remote: "profiles/vi"},
      {path: "langdetect/profiles/zh-cn", sha256: "da146d02fa2237666819e76ea5f99f1b6f0d5b6588f9c5f8752ca79805486b87", bytes: 27340, remote: "profiles/zh-cn"},
      {path: "langdetect/profiles/zh-tw", sha256: "3b2a5422e84ea5d51cff01624b084fbf4a40f5c651c55078c2213cdae1b9d71a", bytes: 27184, remote: "profiles/zh-tw"},
    ],
  },
  {
    id: "syllapy",
    title: "syllapy 0.7.2 syllable dictionary",
    licence: "MIT",
    homepage: "https://github.com/mholtzscher/syllapy",
    source: {
      kind: "files",
      baseUrl: "https://raw.githubusercontent.com/mholtzscher/syllapy/9b95c13d809a87e9eaba96f6b61e7fc3978acded/"
    },
    files: [
      {path: "syllapy/data.csv", sha256: "15dbc605f4b03690ccf4fbfe14f634b52efcea866c21310664253fadb718bc0d", bytes: 61478, remote: "syllapy/data.csv"},
    ],
  },
  {
    id: "emoji",
    title: "emoji 2.2.0 emoji list (keys of EMOJI_DATA)",
    licence: "BSD-3-Clause",
    homepage: "https://github.com/carpedm20/emoji",
    source: {
      kind: "derived",
      url: "https://raw.githubusercontent.com/carpedm20/emoji/v2.2.0/emoji/unicode_codes/data_dict.py",
      transform: "emoji-keys"
    },
    files: [
      {path: "emoji/emoji_2.2.0.txt", sha256: "3dfaabbb40a7891f1a6bbd54fbcb55de3479285115d587769fcd27f832998fa0", bytes: 83327},
    ],
  },
  {
    id: "golden",
    title: "Official scorer outputs on the IFEval and IFBench data (golden files for the conformance tests)",
    licence: "derived from the data above; how they were made: docs/data-sources.md",
    homepage: "docs/data-sources.md",
    source: {
      kind: "mirror-only",
      reason: "made by running the official Python scorers (docs/data-sources.md); no upstream publishes them"
    },
    files: [
      {path: "ifbench/golden_checker_variants.jsonl", sha256: "be7afedc6ad89d5298464a1b83a62db23ea778301aae71139ff180ab5feb797b", bytes: 414426},
      {path: "ifbench/golden_prompt_level.jsonl", sha256: "704f7a6103db057e908b01ceb1e790cda380300e7292e412fbd1abc50c8c7097", bytes: 75132},
      {path: "ifbench/golden_summary.json", sha256: "8ff7498a1b9ec0c76fa90c9a42c31dcd89525a1c46b754ea7963c03662b3faaa", bytes: 5822},
      {path: "ifbench/official_eval_results_loose.jsonl", sha256: "acc0909f9404147b5a5fb38e38e27d714b14fe282235f692c755708375710dfa", bytes: 667298},
      {path: "ifbench/official_eval_results_strict.jsonl", sha256: "27ec1e60135c0a92591b6bfc7237e2515c2dbf0dadf8e05b204191ddd04b5729", bytes: 667323},
      {path: "ifbench/official_report.txt", sha256: "82b408b533e194ab82b6150637f5c3b874dc722016d1d27caf0b669885067969", bytes: 3903},
      {path: "ifbench/upstream_committed_eval_results_loose.jsonl", sha256: "5a4140596b2b3b850f14b512080d99debd64e9b98a3263e741311280d98adea2", bytes: 672969},
      {path: "ifbench/upstream_committed_eval_results_strict.jsonl", sha256: "88eba686eb38c3198a4828115c75bf63fb64f48f4ec51bb7fc2348a6ba240e4a", bytes: 672996},
      {path: "ifeval/golden_checker_variants.jsonl", sha256: "ef1ec68392093a95f8975bba0846f12eca6e38ca92101a453e333da5674c5f89", bytes: 366121},
      {path: "ifeval/golden_prompt_level.jsonl", sha256: "6a4a5857e0e26c41be844c1b7d2bba4f94e930ff1d249cc158bb586461b10d9e", bytes: 149652},
      {path: "ifeval/golden_summary.json", sha256: "00f43eda5ac642ae0b14ad6c01b739fd6f65d66e254b0f9d5fd98450c82305b9", bytes: 3009},
      {path: "ifeval/official_eval_results_loose.jsonl", sha256: "2b2c4ca99b45691062c8aab1116bbfea6f4ae2144eb546b8595f7049eeffa251", bytes: 909317},
      {path: "ifeval/official_eval_results_strict.jsonl", sha256: "d9f93994522c4036497a8f6a4dac21a8d12474cdd45fce786fc33b3d69e16e03", bytes: 909347},
      {path: "ifeval/official_report.txt", sha256: "366be0a5363d1d5c81a2a7f5aac4dbbfeb1dc56c5b44e223fa64f97c4d6f2292", bytes: 3129},
    ],
  },
];
