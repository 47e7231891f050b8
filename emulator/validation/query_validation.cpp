// Query parameters of the four list operations, validated as FastAPI does:
// one pydantic field per parameter, in the order the operation declares
// them, each with loc ["query", <name>].
#include <algorithm>
#include <climits>
#include <deque>
#include <string>
#include <vector>

#include "validation/schema_engine.h"
#include "validation/validator.h"

namespace emulator::validation {
namespace {

using Kind = SchemaNode::Kind;

constexpr std::size_t kMaxSearchLength = 100;

enum class Target {
  kOffset, kLimit, kOrderBy, kSearch, kCreatedBy, kIds, kTagKeys, kTagValues, kTypes,
  kStatuses, kRepositoryIds,
};

struct ParamSpec {
  const char* name;
  Target target;
  const SchemaNode* schema;
  bool is_list;  // read every occurrence, and split each on commas
};

// The parameter schemas the reference states only as "integer" or "any" in
// its tables. The enum and sort-order schemas come from its components.
class QuerySchemas {
 public:
  static const QuerySchemas& Instance() {
    static const QuerySchemas* const kSchemas = new QuerySchemas();
    return *kSchemas;
  }

  const std::vector<ParamSpec>& ParamsFor(ListOperation operation) const {
    switch (operation) {
      case ListOperation::kListArtifactRepositories:
        return repositories_;
      case ListOperation::kListArtifacts:
        return artifacts_;
      case ListOperation::kListBuilds:
      case ListOperation::kListSharedRoles:
        break;
    }
    return paging_;
  }

 private:
  QuerySchemas() {
    const SchemaEngine& engine = SchemaEngine::Instance();
    SchemaNode offset;
    offset.kind = Kind::kInteger;
    offset.ge = 0;
    SchemaNode limit;
    limit.kind = Kind::kInteger;
    limit.ge = 1;
    limit.le = domain::kMaxPageLimit;
    SchemaNode search;
    search.kind = Kind::kString;
    search.max_length = kMaxSearchLength;
    SchemaNode text;
    text.kind = Kind::kString;
    const SchemaNode* offset_node = Add(std::move(offset));
    const SchemaNode* limit_node = Add(std::move(limit));
    const SchemaNode* search_node = Add(std::move(search));
    const SchemaNode* texts = ListOf(Add(std::move(text)));
    const SchemaNode* types = ListOf(engine.Component("ArtifactType"));
    const SchemaNode* statuses = ListOf(engine.Component("ArtifactStatus"));

    paging_ = {{"offset", Target::kOffset, offset_node, false},
               {"limit", Target::kLimit, limit_node, false}};
    repositories_ = paging_;
    repositories_.insert(repositories_.end(),
                         {{"createdBy", Target::kCreatedBy, texts, true},
                          {"ids", Target::kIds, texts, true},
                          {"search", Target::kSearch, search_node, false},
                          {"tagKeys", Target::kTagKeys, texts, true},
                          {"tagValues", Target::kTagValues, texts, true}});
    artifacts_ = repositories_;
    repositories_.push_back(
        {"orderBy", Target::kOrderBy, engine.Component("CommonSortQueryParams"), false});
    repositories_.push_back({"type", Target::kTypes, types, true});
    artifacts_.push_back(
        {"orderBy", Target::kOrderBy, engine.Component("ArtifactSortQueryParams"), false});
    artifacts_.push_back({"type", Target::kTypes, types, true});
    artifacts_.push_back({"status", Target::kStatuses, statuses, true});
    artifacts_.push_back({"repositoryId", Target::kRepositoryIds, texts, true});
  }

  const SchemaNode* Add(SchemaNode node) {
    nodes_.push_back(std::move(node));
    return &nodes_.back();
  }

  const SchemaNode* ListOf(const SchemaNode* item) {
    SchemaNode list;
    list.kind = Kind::kArray;
    list.item = item;
    return Add(std::move(list));
  }

  std::deque<SchemaNode> nodes_;
  std::vector<ParamSpec> paging_;
  std::vector<ParamSpec> repositories_;
  std::vector<ParamSpec> artifacts_;
};

// Every value of `name`, each split on commas, empty pieces dropped.
// NOTE: FastAPI itself reads a list parameter only from repeated keys. The
// service is assumed to split comma-separated values before validation, so
// pydantic sees one flat list and reports indexes into it.
OrderedJson CollectList(const QueryParams& params, const std::string& name) {
  OrderedJson values = OrderedJson::array();
  for (const auto& [key, value] : params) {
    if (key != name) continue;
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = std::min(value.find(',', start), value.size());
      if (comma > start) values.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return values;
}

std::vector<std::string> Strings(const nlohmann::json& values) {
  return values.get<std::vector<std::string>>();
}

int ClampToInt(const nlohmann::json& value) {
  // NOTE: Python accepts an offset of any size. Offsets above INT_MAX are
  // clamped to it; no world holds that many items, so the empty page and its
  // links come out the same either way.
  double number = value.get<double>();
  return static_cast<int>(std::min(number, static_cast<double>(INT_MAX)));
}

void Store(Target target, const nlohmann::json& value, domain::ListQuery& query) {
  switch (target) {
    case Target::kOffset: query.offset = ClampToInt(value); break;
    case Target::kLimit: query.limit = ClampToInt(value); break;
    case Target::kOrderBy: query.order_by = value.get<std::string>(); break;
    case Target::kSearch: query.search = value.get<std::string>(); break;
    case Target::kCreatedBy: query.created_by = Strings(value); break;
    case Target::kIds: query.ids = Strings(value); break;
    case Target::kTagKeys: query.tag_keys = Strings(value); break;
    case Target::kTagValues: query.tag_values = Strings(value); break;
    case Target::kTypes: query.types = Strings(value); break;
    case Target::kStatuses: query.statuses = Strings(value); break;
    case Target::kRepositoryIds: query.repository_ids = Strings(value); break;
  }
}

}  // namespace

QueryValidation ValidateListQuery(ListOperation operation, const QueryParams& params) {
  const SchemaEngine& engine = SchemaEngine::Instance();
  QueryValidation result;
  IssueSink sink(nlohmann::json::array({"query"}));

  for (const auto& spec : QuerySchemas::Instance().ParamsFor(operation)) {
    OrderedJson input;
    if (spec.is_list) {
      input = CollectList(params, spec.name);
      if (input.empty()) continue;
    } else {
      // Starlette's QueryParams.get returns the last of repeated keys.
      auto last = std::find_if(params.rbegin(), params.rend(),
                               [&](const auto& pair) { return pair.first == spec.name; });
      if (last == params.rend()) continue;
      input = last->second;
    }

    sink.PushLoc(spec.name);
    nlohmann::json value;
    if (engine.Validate(*spec.schema, input, sink, &value)) Store(spec.target, value, result.query);
    sink.PopLoc();
  }

  result.issues = sink.TakeIssues();
  return result;
}

}  // namespace emulator::validation
