// The graph page: draws the network that the server embedded as JSON; a click on a node loads
// that node's strongest neighbours from the graph API and adds them, a double-click opens it.
// Colours come from the legend's swatches (the stylesheet defines them once). Labels are drawn
// on a canvas and tooltips are built as text nodes, so no entity name is ever parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var EXPAND_LIMIT = 10;
  var colours = {};
  document.querySelectorAll("[data-type-colour]").forEach(function (swatch) {
    colours[swatch.dataset.typeColour] = getComputedStyle(swatch).backgroundColor;
  });
  function tooltip(text) {
    var element = document.createElement("div");
    element.textContent = text;
    return element;
  }
  function asNode(node) {
    return {id: node.id, label: node.label, title: tooltip(node.label + " (" + node.type + ")"),
            color: colours[node.type] || "#888", shape: "dot", size: node.centre ? 22 : (node.level === 2 ? 8 : 13),
            font: {size: node.centre ? 18 : 13}};
  }
  // "spoken of by" and "(as target)" name what the other did to the node they start from.
  function towardsSource(edge) {
    return edge.relation === "spoken of by" || / \(as target\)$/.test(edge.relation);
  }
  function edgeId(edge) { return edge.from + "\u0000" + edge.to + "\u0000" + edge.relation; }
  function asEdge(edge) {
    var directed = edge.relation.indexOf("event:") === 0 || edge.relation === "said about" || edge.relation === "spoken of by";
    return {id: edgeId(edge), from: edge.from, to: edge.to, value: edge.count,
            title: tooltip(edge.relation + " ×" + edge.count), arrows: directed ? (towardsSource(edge) ? "from" : "to") : "",
            dashes: edge.relation === "co-mentioned", label: directed ? edge.relation.replace("event:", "") : "",
            font: {size: 10, align: "middle"}, color: {color: directed ? "#555" : "#bbb"}};
  }
  var nodes = new vis.DataSet(data.nodes.map(asNode));
  var edges = new vis.DataSet(data.edges.map(asEdge));
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges},
                                {physics: {stabilization: {iterations: 200}}, interaction: {hover: true},
                                 edges: {scaling: {min: 1, max: 6}}});
  var status = document.getElementById("graph-status");
  var expanded = {};
  expanded[data.entity] = true;

  function expand(id) {
    if (expanded[id]) { return; }
    expanded[id] = true;
    var query = new URLSearchParams({relation: data.relations.join(","), limit: EXPAND_LIMIT});
    fetch("/api/graph/" + encodeURIComponent(id) + "?" + query.toString(), {credentials: "same-origin"})
      .then(function (answer) {
        if (!answer.ok) { throw new Error("the graph API answered " + answer.status); }
        return answer.json();
      })
      .then(function (more) {
        var added = more.nodes.filter(function (node) { return !nodes.get(node.id); });
        nodes.add(added.map(function (node) { return asNode(Object.assign({}, node, {centre: false, level: 2})); }));
        edges.update(more.edges.filter(function (edge) {
          return !edges.get(edgeId({from: edge.to, to: edge.from, relation: edge.relation}));
        }).map(asEdge));
        status.textContent = more.name + ": " + added.length + " new of " + more.shown + " shown, " + more.total +
          " neighbours in all · click another node to load its neighbours, double-click to open it";
      })
      .catch(function (error) { status.textContent = String(error.message); });
  }
  network.on("click", function (event) {
    if (event.nodes.length) { expand(event.nodes[0]); }
  });
  network.on("doubleClick", function (event) {
    if (event.nodes.length) { window.location = "/entity/" + encodeURIComponent(event.nodes[0]); }
  });
  window.sitrepNetwork = network;
})();
