// adapters/synthetic/names.h
//
// The names a synthetic caseload draws from. Given names are common first names; family names,
// places (which name schools and colleges) and councils are invented, so no generated child,
// caseworker, setting, council or establishment is a real one. Fixed lists, so a seed gives the
// same names on every platform. Constants only.
#pragma once

#include <array>
#include <string_view>

namespace ehcp::adapters::synthetic::names {

inline constexpr std::array<std::string_view, 40> kGirls = {
    "Ada",  "Amara", "Bea",  "Cara", "Dina", "Ella",  "Esme", "Faye", "Freya", "Gita",
    "Hana", "Isla",  "Ivy",  "Jess", "Kemi", "Lena",  "Lily", "Maya", "Mia",   "Nia",
    "Noor", "Orla",  "Pia",  "Rosa", "Ruby", "Sana",  "Tara", "Uma",  "Vera",  "Wren",
    "Xena", "Yara",  "Zara", "Alba", "Cleo", "Daisy", "Edie", "Fern", "Hope",  "Iris"};

inline constexpr std::array<std::string_view, 40> kBoys = {
    "Alfie", "Ben",   "Cal",   "Dev",  "Eli",   "Finn", "Gus",   "Hugo",  "Ivo",   "Jay",
    "Jude",  "Kai",   "Leo",   "Milo", "Nico",  "Omar", "Otis",  "Quinn", "Rafi",  "Sami",
    "Tariq", "Theo",  "Vik",   "Will", "Yusuf", "Zane", "Arlo",  "Bodhi", "Cyrus", "Dara",
    "Ezra",  "Felix", "Idris", "Jon",  "Kofi",  "Luca", "Mateo", "Ned",   "Rory",  "Toby"};

// Invented family names; also the stems of invented council names.
inline constexpr std::array<std::string_view, 64> kFamilies = {
    "Example",     "Sample",      "Placeholder",  "Specimen",    "Ashcombe",   "Brindlewood",
    "Cobblefield", "Dunmarsh",    "Elderby",      "Fernworth",   "Gorsemoor",  "Hollinshaw",
    "Ivythorne",   "Jessamy",     "Kettleby",     "Larkspur",    "Mossgrove",  "Nettlefold",
    "Oakhurst",    "Pemberline",  "Quillfeather", "Rushmere",    "Saltonby",   "Thistlewood",
    "Umberlea",    "Vantry",      "Willowmere",   "Yarrowby",    "Zeddicott",  "Applewick",
    "Bramblecot",  "Cinderwell",  "Dapplethorn",  "Emberlee",    "Foxenby",    "Glimmerdale",
    "Harrowvale",  "Inkerby",     "Juniperwell",  "Kestrelmoor", "Lindenholt", "Marrowfield",
    "Nettlecombe", "Ottermead",   "Pebblestow",   "Quillmoor",   "Ravensholt", "Sorrelby",
    "Tanglewick",  "Umbervale",   "Velmoor",      "Wrenfield",   "Yewbank",    "Zinderley",
    "Alderwick",   "Birchenshaw", "Corrowby",     "Dellingholt", "Everholt",   "Fallowmere",
    "Gildersby",   "Hazelmere",   "Ibberton",     "Jollivet"};

// Invented places: "Hillside Primary School", "Marsh Lane College".
inline constexpr std::array<std::string_view, 48> kPlaces = {
    "Hillside",    "Oak Lane",      "Riverside",  "Meadow View",   "Elm Park",     "Brookfield",
    "Kingsmead",   "Ashgrove",      "Fernhill",   "Larkrise",      "Millbrook",    "Thornlea",
    "Willow Bank", "Chalk Hill",    "Heathside",  "Orchard Way",   "Sandpit Lane", "Beacon Rise",
    "Castle Mead", "Foxcote",       "Greenacre",  "Harbour Road",  "Juniper Vale", "Mill Street",
    "Badger Hill", "Cherry Tree",   "Dovecote",   "Eastfield",     "Fairway",      "Golden Acre",
    "Hazelwood",   "Lavender Hill", "Marsh Lane", "Northgate",     "Old Forge",    "Primrose",
    "Quarry Bank", "Rowan Tree",    "Silverdale", "Tanners Brook", "Upton Ridge",  "Valley Road",
    "Westcroft",   "Yew Tree",      "Bluebell",   "Cedar Court",   "Kingfisher",   "Poppyfield"};

// The four area teams of a council.
inline constexpr std::array<std::string_view, 4> kAreas = {"North", "South", "East", "West"};

// What follows an invented stem in a council's name.
inline constexpr std::array<std::string_view, 4> kCouncilKinds = {"Borough", "County", "City",
                                                                  "District"};

// Other councils a child moves to or from: plainly invented names (the example LA configuration's
// own council is Exampleshire, so none of these).
inline constexpr std::array<std::string_view, 12> kOtherCouncils = {
    "Sampleshire County Council",     "Placeholder Borough Council",
    "Specimen City Council",          "Exampleton Borough Council",
    "Samplebury District Council",    "Placeholder Vale Council",
    "Example Downs District Council", "Specimen Heath Borough Council",
    "Sampleford City Council",        "Exampleworth Metropolitan Borough Council",
    "Placeholder-on-Sea Council",     "Specimenham County Council"};

// Where a young person is detained: invented establishments of each kind (SI 2015/62).
inline constexpr std::array<std::string_view, 6> kEstablishments = {
    "Example Young Offender Institution",    "Sample Secure Training Centre",
    "Placeholder Secure Children's Home",    "Specimen Secure School",
    "Exampleton Young Offender Institution", "Samplebury Secure Children's Home"};

}  // namespace ehcp::adapters::synthetic::names
