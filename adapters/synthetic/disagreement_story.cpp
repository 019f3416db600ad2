#include "adapters/synthetic/disagreement_story.h"

namespace ehcp::adapters::synthetic {

void tell_disagreement(CaseStory& /*story*/, AppealableDecision /*decision*/, engine::Date /*on*/) {
  // Nothing until issue 8: the importer refuses mediation and appeal events (see the header).
}

}  // namespace ehcp::adapters::synthetic
