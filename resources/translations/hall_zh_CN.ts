<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardWidget</name>
    <message>
        <location filename="../../ui/screen/board.py" line="43"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="61"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="64"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="75"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="97"/>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="100"/>
        <source>Reconnecting… showing the last known state</source>
        <translation>正在重新连接…显示最后状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="100"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="105"/>
        <source>Please go to window {0}</source>
        <translation>请到{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="108"/>
        <source>Please wait for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="109"/>
        <source>Window {0}</source>
        <translation>{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="115"/>
        <source>Welcome. Please take a ticket at the self-service kiosk and wait for your number.</source>
        <translation>欢迎光临，请在自助终端取号，留意叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="137"/>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="139"/>
        <source>Closed</source>
        <translation>未开放</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="141"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="154"/>
        <source>{0} {1}: {2} waiting</source>
        <translation>{0} {1}：{2}人等候</translation>
    </message>
</context>
</TS>
