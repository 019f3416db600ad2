#include "adapters/jsonl/event_decoder.h"

#include "adapters/jsonl/event_bodies.h"
#include "adapters/jsonl/field_reader.h"
#include "adapters/jsonl/strict_json.h"
#include "engine/event_validation.h"

namespace ehcp::adapters::jsonl {

using engine::Status;

engine::Result<nlohmann::json> parse_line(std::string_view line) {
  auto parsed = parse_strict(line);
  if (!parsed.ok()) {
    return parsed.status();
  }
  nlohmann::json object = std::move(parsed).value();
  if (!object.is_object()) {
    return Status::invalid_input("a line must be one JSON object, not " +
                                 std::string(object.type_name()));
  }
  return object;
}

engine::Result<engine::Event> decode_event(const nlohmann::json& object) {
  FieldReader header(object);
  const std::string type_name = header.required_string("type");
  if (header.error()) {
    return Status::invalid_input(*header.error());
  }
  const auto type = engine::parse_event_type(type_name);
  if (!type) {
    return Status::invalid_input("unknown event type '" + type_name + "'");
  }
  engine::Event event;
  event.case_ref = header.required_string("case");
  event.on = header.required_date("on");
  event.id = header.optional_string("id");
  event.by = header.optional_string("by");
  if (header.error()) {
    return Status::invalid_input(*header.error());
  }
  FieldReader body(object);
  event.body = kEventBodies<FieldReader>[static_cast<std::size_t>(*type)](body);
  if (body.error()) {
    return Status::invalid_input(*body.error());
  }
  if (event.type() != *type) {  // kEventBodies fell out of EventType order: a programmer error
    return Status::internal("decoder for '" + type_name + "' built the wrong event type");
  }
  if (auto problem = engine::event_problem(event)) {
    return Status::invalid_input(*problem);
  }
  return event;
}

}  // namespace ehcp::adapters::jsonl
