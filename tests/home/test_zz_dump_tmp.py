import datetime
from tests.home.test_branches import *  # noqa

def test_dump(client, index, freeze):
    branch = BranchPageFactory(parent=index, slug="demy", exceptions=[hours_exception(datetime.date(2026, 12, 8), "Fête des lumières")], services=[("service", {"name": "Wi-Fi", "description": "Partout"})])
    html = client.get(branch.url).content.decode()
    open("/tmp/branch.html", "w").write(html)
    bus = MobileBranchPageFactory(parent=index, slug="bus")
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 8), place="Bouffay", latitude=47.2, longitude=-1.5)
    open("/tmp/bus.html", "w").write(client.get(bus.url).content.decode())
    open("/tmp/index.html", "w").write(client.get(index.url).content.decode())
    open("/tmp/home.html", "w").write(client.get("/fr/").content.decode())
